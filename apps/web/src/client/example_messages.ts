/**
 * Names and descriptions of the bundled examples in Spanish and Russian (English is the manifest's own text). An
 * example not listed here, or a manifest whose English text changed since, shows the manifest's text.
 */
import type { Lang } from '@tally/report';

interface ExampleText {
  name: string;
  description: string;
}

/** The translations, keyed by example folder, with the English name they translate (to notice a stale entry). */
export const EXAMPLE_TEXT: Record<string, { en: string; es: ExampleText; ru: ExampleText }> = {
  'bolivia-2014': {
    en: 'Bolivia 2014 general election (12 Oct 2014), presidential race',
    es: {
      name: 'Bolivia, elecciones generales de 2014 (12 oct 2014), elección presidencial',
      description:
        'El cómputo oficial final por mesa (Atlas Electoral del OEP), con el código de recinto de 2019 y el código de municipio del INE de cada mesa: una elección anterior para comparar con 2019.',
    },
    ru: {
      name: 'Боливия, всеобщие выборы 2014 г. (12 окт. 2014), выборы президента',
      description:
        'Официальные итоги по каждому участку (mesa) из Electoral Atlas OEP, с кодом избирательного пункта 2019 г. и кодом муниципалитета INE: более ранние выборы для сравнения с 2019 г.',
    },
  },
  'bolivia-2016-referendum': {
    en: "Bolivia 2016 constitutional referendum (21 Feb 2016, '21F')",
    es: {
      name: "Bolivia, referendo constitucional de 2016 (21 feb 2016, '21F')",
      description:
        'El resultado oficial por mesa en el país (Sí / No), con el código de municipio del INE de cada mesa: la votación anterior con la que Escobari y Hoover comparan 2019. Se une a 2019 por municipio; la correspondencia por recinto está en las claves del referendo de 2016 por recinto de la carpeta de 2019.',
    },
    ru: {
      name: 'Боливия, конституционный референдум 2016 г. (21 февр. 2016, «21F»)',
      description:
        'Официальные итоги по каждому участку внутри страны («да» / «нет») с кодом муниципалитета INE: то более раннее голосование, с которым Эскобари и Гувер сравнивают 2019 г. Соединяется с 2019 г. по муниципалитетам; соответствие по избирательным пунктам — в ключах референдума 2016 г. по пунктам 2019 г. в папке 2019 г.',
    },
  },
  'bolivia-2019': {
    en: 'Bolivia 2019 general election (20 Oct 2019), presidential race',
    es: {
      name: 'Bolivia, elecciones generales de 2019 (20 oct 2019), elección presidencial',
      description:
        'El cómputo final del OEP por mesa, las dos instantáneas del TREP (la interrupción en la noche electoral y la reanudación), el orden de llegada y el código de recinto de cada mesa, los tiempos de verificación por acta del TREP y la serie de publicación, la clase urbana/rural, el censo de 2012 por municipio (con la correspondencia mesa -> municipio), el referendo de 2016 por recinto de 2019, las listas de actas de la disputa y el registro del cómputo de las 225 actas quemadas de Potosí.',
    },
    ru: {
      name: 'Боливия, всеобщие выборы 2019 г. (20 окт. 2019), выборы президента',
      description:
        'Окончательные итоги OEP по каждому участку, два среза TREP (остановка в ночь выборов и возобновление), порядок поступления и код избирательного пункта каждого участка, время проверки каждого протокола в TREP и ряд публикаций, городской/сельский тип, перепись 2012 г. по муниципалитетам (с соответствием участок -> муниципалитет), референдум 2016 г. по пунктам 2019 г., поимённые списки спорных протоколов и журнал подсчёта 225 сожжённых протоколов Потоси.',
    },
  },
  'bolivia-2020': {
    en: 'Bolivia 2020 general election (18 Oct 2020), presidential race',
    es: {
      name: 'Bolivia, elecciones generales de 2020 (18 oct 2020), elección presidencial',
      description:
        'El cómputo oficial final por mesa (Atlas Electoral del OEP, 35.599 mesas), el cómputo por mesa publicado hasta el 20 oct 2020 02:18:35 (53 % de las mesas, cada una con la hora en que apareció) y el resultado final anterior por recinto, reconstruido a partir de los porcentajes publicados (reemplazado por el cómputo por mesa). Un cómputo que nadie denunció como fraudulento: un control negativo natural para las pruebas del conteo tardío.',
    },
    ru: {
      name: 'Боливия, всеобщие выборы 2020 г. (18 окт. 2020), выборы президента',
      description:
        'Официальные окончательные итоги по участкам (Electoral Atlas OEP, 35 599 участков), итоги по участкам, опубликованные до 20 окт. 2020 02:18:35 (53 % участков, у каждого — время первого появления), и прежний итог по избирательным пунктам, восстановленный по опубликованным долям (заменён итогами по участкам). Подсчёт, который никто не называл фальсифицированным: естественный отрицательный контроль для проверок позднего подсчёта.',
    },
  },
  'honduras-2025': {
    en: 'Honduras 2025 general election (30 Nov 2025), presidential race',
    es: {
      name: 'Honduras, elecciones generales de 2025 (30 nov 2025), elección presidencial',
      description:
        'El conteo del CNE por JRV (acta) en el corte del 9 dic 2025 a las 03:00, un resultado final por JRV reconstruido (el CNE en el corte; la transcripción del acta para las JRV contadas después) con el orden del conteo en 3 fases y una segunda lectura de cada acta, el último estado del conteo del CNE por departamento (24 dic) y la serie del conteo nacional y por departamento con su hora (30 nov - 24 dic).',
    },
    ru: {
      name: 'Гондурас, всеобщие выборы 2025 г. (30 нояб. 2025), выборы президента',
      description:
        'Подсчёт CNE по каждому участку (JRV, протокол) на срез 9 дек. 2025 в 03:00, восстановленные итоги по участкам (CNE на срез; расшифровка протокола для участков, подсчитанных позже) с порядком подсчёта в 3 этапа и вторым прочтением каждого протокола, последнее состояние подсчёта CNE по департаментам (24 дек.) и ряд национальных и департаментских итогов с временем (30 нояб. - 24 дек.).',
    },
  },
  'russia-2011': {
    en: 'Russia State Duma election, 4 Dec 2011, per polling station (UIK)',
    es: { name: 'Rusia, elecciones a la Duma Estatal, 4 dic 2011, por colegio electoral (UIK)', description: '' },
    ru: { name: 'Россия, выборы в Государственную думу, 4 дек. 2011, по участкам (УИК)', description: '' },
  },
  'russia-2012': {
    en: 'Russia presidential election, 4 Mar 2012, per polling station (UIK)',
    es: { name: 'Rusia, elección presidencial, 4 mar 2012, por colegio electoral (UIK)', description: '' },
    ru: { name: 'Россия, выборы президента, 4 марта 2012, по участкам (УИК)', description: '' },
  },
  'russia-2018': {
    en: 'Russia presidential election, 18 Mar 2018, per polling station (UIK)',
    es: { name: 'Rusia, elección presidencial, 18 mar 2018, por colegio electoral (UIK)', description: '' },
    ru: { name: 'Россия, выборы президента, 18 марта 2018, по участкам (УИК)', description: '' },
  },
  'venezuela-2024': {
    en: "Venezuela presidential election, 28 Jul 2024, per acta (the opposition's collected tally sheets)",
    es: {
      name: 'Venezuela, elección presidencial del 28 jul 2024, por acta (las actas que recogió la oposición)',
      description:
        '25.075 actas cuyos resultados publicó la oposición (Comando Con Venezuela) a partir de las actas que reunieron sus testigos, cerca del 83,5 % de las mesas. El CNE solo publicó totales nacionales, nunca resultados por acta.',
    },
    ru: {
      name: 'Венесуэла, президентские выборы 28 июля 2024 г., по протоколам (протоколы, собранные оппозицией)',
      description:
        '25 075 протоколов, итоги которых оппозиция (Comando Con Venezuela) опубликовала по протоколам, собранным её наблюдателями, — около 83,5 % участков. CNE опубликовал только общенациональные итоги и ни одного протокола по участкам.',
    },
  },
};

/** An example's name and description in `lang`; the manifest's text where there is no current translation. */
export function exampleText(ex: { id: string; name: string; description: string }, lang: Lang): ExampleText {
  const entry = EXAMPLE_TEXT[ex.id];
  if (lang === 'en' || !entry || entry.en !== ex.name) return { name: ex.name, description: ex.description };
  return entry[lang];
}
