/** Russian messages of the command line: terminal summaries, batch runs, progress lines (spread into ru.ts). */
import type { enCli } from './en_cli.ts';

export const ruCli: Record<keyof typeof enCli, string> = {
  'cli.not_run': 'не применялся: {method}: {reason}',
  'cli.wrote': 'Записаны {json} и {html} за {seconds} с.',
  'cli.latecount.title': 'Анализ позднего подсчёта: {election}, отсечение в точке {cutoff}',
  'cli.latecount.margin': 'Отслеживаемый отрыв: {a} минус {b}, в п. п. официального знаменателя',
  'cli.latecount.counted':
    'Подсчитано к точке отсечения: {counted} из {stations} участков ({countedPct}), {registeredPct} избирателей в списках',
  'cli.latecount.margins':
    'Отрыв на подсчитанных участках {counted}; итоговый {final}; поздний сдвиг {shift} (только поздние участки: {late})',
  'cli.latecount.projection':
    'Прогноз по подсчитанным участкам ({sims} симуляций, правило {rule}, масштабирование {scale}, единицы, где подсчитано не менее {minDonors}): медиана {median}, 95-процентный интервал [{lo}; {hi}]; не ниже {threshold} в {share} симуляций',
  'cli.latecount.projection_actual':
    'фактический итог {actual} ({gap} от медианы); участков спрогнозировано по единицам: {levels}',
  'cli.latecount.discontinuity':
    'Разрыв в позиции {cutoff}: скачок {jump} п. п. (СО {se}), ширина окна {bandwidth}; p-значение {p}, {basis}',
  'cli.latecount.p_placebo':
    'по плацебо-точкам отсечения: у {share} из {n} скачок не меньше (асимптотическое p-значение, {asymptotic}, занижено, когда единицы передают данные пакетами)',
  'cli.latecount.p_asymptotic': 'асимптотическое (нет плацебо-точек отсечения)',
  'cli.latecount.fixed_effects': 'с фиксированными эффектами по уровню {level}: {jump} (СО {se})',
  'cli.latecount.composition':
    'Состав: если бы поздние участки голосовали как ранние в той же единице уровня {level}, это объяснило бы {share} позднего сдвига',
  'cli.latecount.other':
    'по выборам {name} на тех же местах (сопоставлено {early} ранних и {late} поздних участков): объяснено {share} разницы между поздними и ранними',
  'cli.latecount.snapshot': 'Снимок и итог: изменились {changed} из {common} общих участков; итоги {totals}',
  'cli.latecount.none': 'без изменений',
  'cli.latecount.not_run': '{what}: не выполнялся ({reason})',
  'cli.latecount.what_projection': 'Прогноз',
  'cli.latecount.what_discontinuity': 'Разрыв',
  'cli.latecount.what_composition': 'Состав',
  'cli.latecount.what_snapshot': 'Сравнение снимков',
  'cli.latecount.footer':
    'Поздний сдвиг сам по себе не доказывает манипуляций: поздние участки часто сельские или отдалённые и голосуют иначе (Боливия 2020 — отрицательный контроль). См. docs/methods/latecount.md.',
  'cli.count': '{n}',
  'cli.warning': 'предупреждение: {text}',
  // tally map
  'cli.map.note': 'примечание: {text}',
  'cli.map.station_unique': 'код участка: «{column}» (в этом файле уникален сам по себе)',
  'cli.map.check':
    'проверка: строк {rows}, участков {stations}, кандидатов {candidates}; ошибок {errors}, предупреждений {warnings} (их перечисляет tally validate)',
  'cli.map.check_failed': 'проверка: с этим сопоставлением столбцов файл пока не загружается: {reason}',
  'cli.map.wrote': 'записан файл {out}; проверьте его, затем: tally validate {file} --map {out}',
  'cli.map.yaml_header':
    'Предложено командой `tally map` по заголовку файла {source}. Перед использованием проверьте роль каждого столбца.',
  'cli.map.column': '«{column}»',
  'cli.map.suggest.station_named': 'код участка: «{column}» (судя по названию, однозначно определяет участок)',
  'cli.map.suggest.station_within_regions':
    'код участка: «{column}» в пределах своих территориальных единиц, соединяется с ними через " / "',
  'cli.map.suggest.station_within_file': 'код участка: «{column}» в пределах файла, соединяется через " / "',
  'cli.map.suggest.station_guess':
    'код участка: ни один столбец так не называется; «{column}», первый столбец, выбран наугад',
  'cli.map.suggest.registered_none': 'избиратели в списках: ни один столбец так не называется; замените заполнитель',
  'cli.map.suggest.registered': 'избиратели в списках: «{column}»',
  'cli.map.suggest.ballots_none':
    'выдано бюллетеней: столбца нет; явка считается по бюллетеням в ящиках (действительные + пустые + недействительные)',
  'cli.map.suggest.ballots': 'выдано бюллетеней: {columns}',
  'cli.map.suggest.valid_candidates': 'действительные голоса: сумма голосов за кандидатов',
  'cli.map.suggest.valid': 'действительные голоса: «{column}»',
  'cli.map.suggest.candidates': 'кандидаты: столбцов с числами, не занятых ничем другим: {n}',
  'cli.map.suggest.ignored': 'пропущено столбцов с текстом или другими строками протокола: {n}',
  'cli.map.suggest.shares_valid':
    'доли: от действительных голосов ("shareOf": "valid"); укажите "ballots_found", если комиссия делит на все бюллетени',
  'cli.map.suggest.shares_found':
    'доли: от бюллетеней в ящиках (действительные + недействительные), как их публикует ЦИК; укажите "valid" для долей от действительных голосов',

  'cli.run.header':
    'бутстрэп: {replicates} повторов, seed {seed}, процентильные интервалы {level}; p(BH): поправка Бенджамини — Хохберга по всем ячейкам ниже',
  'cli.run.col_target': 'показатель',
  'cli.run.col_method': 'метод',
  'cli.run.col_statistic': 'статистика',
  'cli.run.col_interval': 'интервал',
  'cli.run.warned': 'Ячеек с предупреждениями (отмечены !): {n}; все они есть в --json.',
  'cli.run.skipped': 'Пропущено ячеек (слишком мало участков или вырожденные данные): {n}; все они есть в --json.',
  'cli.run.footer':
    'Это статистики, а не вердикты: на странице каждого метода в docs/methods перечислены объяснения, не связанные с фальсификацией.',
  'cli.summary.totals': 'участков {stations}  избирателей {registered}  выдано бюллетеней {ballots}  явка {turnout}',
  'cli.summary.shares_valid': 'доли от действительных голосов:',
  'cli.summary.shares_found': 'доли от бюллетеней в ящиках (действительные + недействительные):',
  'cli.summary.margin': 'отрыв {a} − {b}: {points} п. п.',
  'cli.summary.warnings': 'Предупреждений проверки: {n}; список выводит `tally validate`.',
  'cli.validate.totals':
    '{file}: строк {rows}, прочитано участков {stations}, исключено строк {excluded}; ошибок {errors}, предупреждений {warnings}',
  'cli.validate.more': '… ещё {n}: {rule} ({level})',
  'cli.rows': '{file}: строк {rows} = проанализировано {analysed} + исключено {excluded}{reasons}',
  'cli.rows.refused':
    '{file}: строк с ошибками: {n}; исправьте их или исключите эти строки флагом --exclude-invalid (`tally validate` перечислит все)',
  // tally batch merge: index.html
  'batch.title': 'Пакет из {jobs} заданий',
  'batch.counts': 'выполнено: {ok}, с ошибкой: {failed}',
  'batch.col_job': 'Задание',
  'batch.col_kind': 'Вид',
  'batch.col_source': 'Входные данные',
  'batch.col_status': 'Состояние',
  'batch.col_result': 'Что найдено',
  'batch.col_files': 'Файлы',
  'batch.kind_audit': 'аудит',
  'batch.kind_run': 'анализ',
  'batch.status_ok': 'выполнено',
  'batch.status_failed': 'ошибка (код {code})',
  'batch.audit_counts':
    'выводов: {findings}; согласуются с обвинением: {consistent}, не подтверждены: {notSupported}, неокончательны: {inconclusive}',
  'batch.run_counts':
    'результатов: {results}, с p-значением: {tests}, со скорректированным по Бенджамини-Хохбергу p-значением ниже 0,05: {below} (в пределах этого задания)',
  'batch.findings_link': 'Все выводы всех заданий, по одному в строке: findings.csv',
  'batch.shard_done':
    'Часть {shard}: заданий {jobs} из {total}, выполнено {ok}, с ошибкой {failed}; результаты в {out}.',
  'batch.merged':
    'Объединено заданий: {jobs} (выполнено {ok}, с ошибкой {failed}) в {out}: index.json, index.html, findings.csv.',
  'batch.note':
    'Статистика не является приговором выборам: в отчёте каждого задания перечислены невинные объяснения, которые могут дать ту же картину.',
  'progress.load': 'чтение {label}',
  'progress.battery': 'батарея тестов ({label})',
  'progress.methods': 'выполняется {label}',
  'progress.analysis': 'анализ: {label}',
  'progress.latecount': 'поздний подсчёт: {label}',
  'progress.calibrate': 'калибровка: {label}',
  'progress.write': 'запись {label}',
  'cli.run.wrote': 'Записаны {files}.',
  'cli.run.names_key': 'Полные названия:',
  'cli.flagged.wrote': 'Строк участков, стоящих за результатами, записано в {file}: {n}.',
  'cli.summary.without_registered':
    '(у {stations} участков нет числа избирателей в списке: число избирателей и явка их не учитывают)',
};
