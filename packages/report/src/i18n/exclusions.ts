/**
 * Why stations were left out of a method, in every language. Core states the reasons as fixed English strings
 * (MethodResult.excluded[].reason); this table maps each one to its catalogue entries. exclusions.test.ts fails
 * when core gains a fixed reason that is missing here.
 */
import type { Lang } from './index.ts';

/** A fixed exclusion reason of core and its translations. */
export const EXCLUSION_REASONS: Readonly<Record<string, Readonly<Record<Exclude<Lang, 'en'>, string>>>> = {
  'missing, negative or non-integer count': {
    es: 'conteo ausente, negativo o no entero',
    ru: 'число отсутствует, отрицательное или нецелое',
  },
  'no registered voters or no valid votes': {
    es: 'sin electores inscritos o sin votos válidos',
    ru: 'нет избирателей в списке или нет действительных голосов',
  },
  'missing or negative counts': { es: 'conteos ausentes o negativos', ru: 'числа отсутствуют или отрицательные' },
  'valid votes above registered or winner above valid': {
    es: 'votos válidos por encima de los inscritos o ganador por encima de los válidos',
    ru: 'действительных голосов больше, чем избирателей, или у победителя больше, чем действительных',
  },
  'impossible tally sheet (negative count, or ballots above registered or below the two candidates)': {
    es: 'acta imposible (conteo negativo, o votantes por encima de los inscritos o por debajo de los dos candidatos)',
    ru: 'невозможный протокол (отрицательное число, или избирателей больше, чем в списке, или меньше, чем голосов за двух кандидатов)',
  },
  'unit of A not matched in B': {
    es: 'unidad de A sin correspondencia en B',
    ru: 'единица из A не найдена в B',
  },
  'turnout or share above 100%': {
    es: 'participación o porcentaje superior al 100 %',
    ru: 'явка или доля выше 100 %',
  },
  'no turnout or share (denominator not positive)': {
    es: 'sin participación ni porcentaje (denominador no positivo)',
    ru: 'нет явки или доли (знаменатель не положителен)',
  },
  'no proportion (denominator not positive)': {
    es: 'sin proporción (denominador no positivo)',
    ru: 'нет доли (знаменатель не положителен)',
  },
  'no percentage (denominator not positive)': {
    es: 'sin porcentaje (denominador no positivo)',
    ru: 'нет процента (знаменатель не положителен)',
  },
  'missing counts, no registered voters or no votes': {
    es: 'conteos ausentes, sin electores inscritos o sin votos',
    ru: 'числа отсутствуют, нет избирателей в списке или нет голосов',
  },
  'ballots cast above registered or leader above valid': {
    es: 'papeletas emitidas por encima de los inscritos o líder por encima de los válidos',
    ru: 'выданных бюллетеней больше, чем избирателей, или у лидера больше, чем действительных',
  },
  'count below 10 (small-count rule)': {
    es: 'conteo inferior a 10 (regla de conteos pequeños)',
    ru: 'число меньше 10 (правило малых чисел)',
  },
  'zero valid votes in A or B': { es: 'cero votos válidos en A o en B', ru: 'ноль действительных голосов в A или B' },
  'zero count (no first digit)': { es: 'conteo cero (sin primer dígito)', ru: 'нулевое число (нет первой цифры)' },
  'turnout above 99%': { es: 'participación superior al 99 %', ru: 'явка выше 99 %' },
  empty_row: {
    es: 'fila sin ningún conteo (p. ej. una región que no votó)',
    ru: 'строка без чисел (например, регион, где не голосовали)',
  },
  'region has only flagged or only unflagged units': {
    es: 'la región solo tiene unidades señaladas o solo no señaladas',
    ru: 'в регионе только указанные или только неуказанные единицы',
  },
  'no valid votes': { es: 'sin votos válidos', ru: 'нет действительных голосов' },
  'no ballots in the denominator': { es: 'sin papeletas en el denominador', ru: 'нет бюллетеней в знаменателе' },
  'no ballots found': { es: 'sin papeletas en las urnas', ru: 'в ящиках нет бюллетеней' },
  'no arrival value (added last)': {
    es: 'sin dato de llegada (se añade al final)',
    ru: 'нет времени поступления (добавлен в конец)',
  },
  'no arrival position': { es: 'sin posición de llegada', ru: 'нет позиции в порядке поступления' },
  'missing covariate': { es: 'falta una covariable', ru: 'нет значения ковариаты' },
  'more ballots than registered voters': {
    es: 'más papeletas que electores inscritos',
    ru: 'бюллетеней больше, чем избирателей в списке',
  },
  'missing or non-integer counts': { es: 'conteos ausentes o no enteros', ru: 'числа отсутствуют или нецелые' },
  'missing or non-integer count': { es: 'conteo ausente o no entero', ru: 'число отсутствует или нецелое' },
  'leader share above 99%': { es: 'porcentaje del líder superior al 99 %', ru: 'доля лидера выше 99 %' },
  'fewer than 100 registered': { es: 'menos de 100 electores inscritos', ru: 'менее 100 избирателей в списке' },
  'count below 10 (no second digit)': {
    es: 'conteo inferior a 10 (sin segundo dígito)',
    ru: 'число меньше 10 (нет второй цифры)',
  },
  'candidate votes above the denominator': {
    es: 'votos del candidato por encima del denominador',
    ru: 'голосов за кандидата больше знаменателя',
  },
};

const SMALL_COUNT = /^count below (\d+) \(small-count rule\)$/;

/** An exclusion reason of core in `lang`; a reason this table does not know is shown as given. */
export function exclusionReason(reason: string, lang: Lang): string {
  if (lang === 'en') return reason;
  const known = EXCLUSION_REASONS[reason];
  if (known) return known[lang];
  const small = SMALL_COUNT.exec(reason);
  if (small)
    return lang === 'es'
      ? `conteo inferior a ${small[1]} (regla de conteos pequeños)`
      : `число меньше ${small[1]} (правило малых чисел)`;
  return reason;
}
