/** Russian message catalogue (same keys as en.ts). */
import type { MessageKey } from './en.ts';
import { ruCli } from './ru_cli.ts';
import { ruDispute } from './ru_dispute.ts';
import { ruMethods } from './ru_methods.ts';

/** Russian messages. */
export const ru: Record<MessageKey, string> = {
  ...ruCli,
  ...ruDispute,
  ...ruMethods,
  'verdict.consistent_with_allegation': 'Согласуется с обвинением',
  'verdict.not_supported': 'Этим тестом не подтверждается',
  'verdict.inconclusive': 'Вывод сделать нельзя',

  'reason.significant_in_alleged_direction':
    'Метод {method} обнаружил закономерность, которую предсказывает обвинение. Его p-значение с поправкой на число тестов в этом отчёте равно {padj}, что не превышает заранее заданного порога {alpha}. Столь сильная закономерность была бы редкостью, если бы цифры получились на чистых выборах того рода, который предполагает тест. Это не доказывает, что фальсификация была: перечисленные ниже объяснения, не связанные с фальсификацией, могут дать ту же картину.',
  'reason.significant_opposite_direction':
    'Метод {method} обнаружил явное отклонение (скорректированное p-значение {padj}), но в направлении, противоположном тому, которое предсказывает обвинение ({effectName}: {effect}). Это не подтверждает обвинение. Само отклонение может иметь одно из перечисленных ниже объяснений, не связанных с фальсификацией.',
  'reason.not_significant':
    'Метод {method} не обнаружил закономерности, которую предсказывает обвинение: его p-значение с поправкой на число тестов в этом отчёте равно {padj}, что выше порога {alpha}. Этот тест мог увидеть ту закономерность, которую он ищет, в размере, который указывает его измеренная мощность; он не мог увидеть меньшую манипуляцию или манипуляцию иного рода.',
  'reason.screen_significant':
    'Метод {method} обнаружил отклонение от того, что дали бы чистые выборы предполагаемого им рода: его p-значение с поправкой на число тестов в этом отчёте равно {padj}, что не превышает порога {alpha}. Это общий скрининговый тест: обвинение не предсказывает именно эту закономерность. Отклонение согласуется с манипуляцией и в той же мере — с перечисленными ниже объяснениями, не связанными с фальсификацией.',
  'reason.screen_not_significant':
    'Метод {method} не обнаружил отклонений от того, что дали бы чистые выборы: его p-значение с поправкой на число тестов в этом отчёте равно {padj}, что выше порога {alpha}. Это общий скрининговый тест; его молчание не исключает манипуляции такого рода, который он не видит.',
  'reason.no_test':
    'Метод {method} даёт оценку ({statisticName} = {statistic}), но не тест с p-значением, поэтому сам по себе он не может ни подтвердить, ни опровергнуть обвинение.',
  'reason.too_few_stations':
    'Метод {method} смог использовать мало участков ({n}) — меньше минимума ({min}), нужного для надёжного ответа, поэтому выводов из него не делается.',
  'reason.low_power':
    'Метод {method} не обнаружил закономерности (скорректированное p-значение {padj}), но на смоделированных выборах с манипуляцией того рода, о котором говорит обвинение, он находит её лишь в {power} случаев. Поэтому его молчание мало о чём говорит.',
  'reason.miscalibrated':
    'Метод {method} дал скорректированное p-значение {padj}, но на смоделированных чистых выборах он даёт ложную тревогу в {fpr} случаев вместо номинальных {alpha}. Такой результат нельзя отличить от его обычных ложных тревог.',

  // bottom line (bottom-line)
  'reason.not_identified':
    'Метод {method} дал скорректированное p-значение {padj}, но эти данные не позволяют ответить на его вопрос: {why} Результат показан, но выводов из него не делается.',
  'projection.not_identified':
    'лишь у {own} из {projected} неподсчитанных участков было не меньше {minDonors} подсчитанных участков в их собственной единице «{level}»; остальные спрогнозированы по более широким территориям, разницу между поздними и ранними участками которых интервал не измеряет (он калибруется внутри территорий), поэтому нельзя рассчитывать, что интервал накроет итоговый отрыв.',
  'reason.low_power_at_alleged_size':
    'Метод {method} не обнаружил закономерности (скорректированное p-значение {padj}). Вывод сделать нельзя: этот тест не мог заметить манипуляцию того размера, о котором говорит обвинение (мощность {power}: когда такую манипуляцию добавляли в эти данные, тест обнаруживал её лишь с такой частотой).',
  'sensitivity.choice.baseline': 'базовый вариант',
  'sensitivity.choice.rule': 'правило доноров',
  'sensitivity.choice.scale': 'масштаб',
  'sensitivity.choice.minDonors': 'минимум доноров',
  'sensitivity.choice.weighting': 'взвешивание',
  'sensitivity.choice.bandwidth': 'ширина окна',
  'sensitivity.choice.arrival_order': 'порядок поступления',
  'sensitivity.choice.cutoff': 'разрез',
  'label.power_at_alleged_size': 'мощность при заявленном размере',

  'correction.bh': 'Бенджамини — Хохберг, доля ложных открытий',
  'correction.holm': 'Холм, групповая вероятность ошибки',
  'correction.bonferroni': 'Бонферрони, групповая вероятность ошибки',
  'correction.none': 'без поправки',
  // report layout (report-layout)
  'layout.heading.bottom_line': 'Ответы вкратце',
  'layout.heading.sensitivity': 'Насколько ответы зависят от выбора модели',
  'layout.headline.median': 'прогнозная медиана (пункты)',
  'layout.headline.lo': 'нижняя граница интервала',
  'layout.headline.hi': 'верхняя граница интервала',
  'layout.headline.shareAbove': 'доля симуляций на пороге или выше',
  'layout.headline.jump': 'скачок на отсечке (пункты)',
  'layout.headline.jumpPValue': 'p-значение скачка',
  'layout.heading.claim': 'Обвинение и проверяющие его результаты',
  'layout.heading.appendix': 'Приложение',
  'layout.heading.screens': 'Остальные проверки набора: общие проверки',
  'layout.heading.rows': 'Прочитанные и проанализированные строки',
  'layout.screens_intro':
    'Эти общие проверки не проверяют то, что предсказывает обвинение; они описывают данные. Откройте заголовок, чтобы увидеть проверку, её график и невинные объяснения.',
  'layout.label.decisive': 'Решающее число',
  'layout.label.power': 'Заметит ли она манипуляцию заявленного размера?',
  'layout.verdict_for_allegation': 'Для обвинения: {verdict}',
  'layout.label.unexplained': 'Что остаётся необъяснённым',
  'layout.label.based_on': 'Основано на',
  'layout.label.choice': 'Выбор модели',
  'layout.label.setting': 'Значение',
  'layout.label.first_example': 'Первый случай',
  'layout.label.rows_read': 'Прочитано строк',
  'layout.label.analysed': 'Проанализировано строк',
  'layout.label.excluded_rows': 'Исключено строк',
  'layout.interval': 'интервал от {lo} до {hi}',
  'layout.power':
    '{power}: проверка обнаружила {detected} из {injections} манипуляций заявленного размера, внесённых в реальные данные (95-процентный интервал от {lo} до {hi}). Внесено: {scenario}.',
  'layout.low_power': 'Меньше 80 %: эта проверка вполне могла пропустить манипуляцию заявленного размера.',
  'layout.no_power': 'не измерена',
  'layout.spread': 'При этих вариантах {name} меняется от {lo} до {hi}.',
  'layout.no_sensitivity': 'Выбор модели не варьировался.',
  'layout.where_row': 'строка {row}',
  'layout.where_column': 'столбец {column}',
  'layout.validation_summary':
    'Проблем проверки данных: {total} (ошибок: {errors}, предупреждений: {warnings}), по строке на правило с первым случаем. В CSV-файле перечислены все.',
  'layout.download_csv': 'Скачать все проблемы в CSV',
  'layout.csv_capped': 'В CSV-файле первые {shown} из {total} проблем; в report.json перечислены все.',

  'caveat.no_proof':
    'Статистический тест не может ни доказать, ни опровергнуть фальсификацию. Он лишь показывает, соответствуют ли цифры тому, что дали бы чистые выборы предполагаемого рода.',
  'caveat.consistent_meaning':
    '«Согласуется с обвинением» означает, что в данных есть закономерность, которую предсказывает обвинение. Объяснения, не связанные с фальсификацией, приведённые при каждом результате, могут дать ту же картину.',
  'caveat.not_supported_meaning':
    '«Не подтверждается» означает, что этот тест не обнаружил предсказанной закономерности при указанном пороге. Это не свидетельство того, что выборы были чистыми.',
  'caveat.multiple_testing':
    'Было проведено много тестов; p-значения скорректированы на их число ({correction}), чтобы случайность сама по себе редко давала находку.',
  'caveat.data_quality':
    'Каждый результат зависит от предоставленных данных. Прежде чем опираться на какой-либо результат, просмотрите проблемы в данных, приведённые в этом отчёте.',
  'caveat.alpha': 'Порог (альфа = {alpha}) был задан до проведения тестов и одинаков для всех результатов.',

  'heading.report': 'Отчёт о статистическом анализе выборов',
  'heading.summary': 'Сводка',
  'heading.allegation': 'Обвинение',
  'heading.verdicts': 'Заключения',
  'heading.findings': 'Результаты',
  'heading.innocent': 'Остающиеся объяснения, не связанные с фальсификацией',
  'heading.validation': 'Проблемы в данных, найденные при проверке',
  'heading.methods': 'О методах',
  'heading.caveats': 'Как читать этот отчёт',
  'heading.inputs': 'Входные данные и воспроизводимость',
  'heading.warnings': 'Предупреждения',
  'heading.details': 'Числа',
  'heading.notes': 'Примечания к анализу',

  'label.claim': 'Утверждение',
  'label.claimant': 'Автор',
  'label.date': 'Дата',
  'label.scope': 'Что именно утверждается',
  'label.method': 'Метод',
  'label.target': 'Объект',
  'label.region': 'Регион',
  'label.whole_data': 'все участки',
  'label.statistic': 'Статистика',
  'label.p_value': 'p-значение',
  'label.adjusted_p': 'Скорректированное p-значение',
  'label.p_kind': 'Вид p-значения',
  'label.effect': 'Эффект',
  'label.verdict': 'Заключение',
  'label.stations': 'Проанализировано участков',
  'label.excluded': 'Исключено участков',
  'label.replicates': 'Повторений',
  'label.seed': 'Начальное значение генератора случайных чисел',
  'label.version': 'Версия Tally',
  'label.file': 'Файл',
  'label.sha256': 'SHA-256',
  'label.level': 'Уровень',
  'label.row': 'Строка',
  'label.column': 'Столбец',
  'label.rule': 'Правило',
  'label.message': 'Сообщение',
  'label.alpha': 'Порог (альфа)',
  'label.correction': 'Поправка на множественные сравнения',
  'label.reference': 'Источник',
  'label.calibration': 'Измеренная доля ложных срабатываний',
  'label.export_png': 'Скачать PNG',
  'label.level_error': 'ошибка',
  'label.level_warning': 'предупреждение',
  'label.count': 'Количество',
  'label.language': 'Язык',

  'summary.counts':
    'Всего результатов: {total}. Согласуются с обвинением: {consistent}. Не подтверждаются: {notSupported}. Без вывода: {inconclusive}.',
  'summary.rule':
    'Каждый тест оценивается при альфа = {alpha} с поправкой на число тестов в этом отчёте (тестов: {tests}; поправка: {correction}).',
  'summary.no_allegation': 'Обвинение не указано; результаты описывают данные в целом.',
  'summary.no_findings': 'Ни один метод не дал результата.',
  'summary.validation_counts': 'Проблемы в данных: ошибок — {errors}, предупреждений — {warnings}.',
  'summary.more_issues': 'Показаны первые проблемы ({shown} из {total}); полный список — в report.json.',

  'calibration.text':
    'На смоделированных чистых выборах этот тест давал ложную тревогу в {fpr} случаев при альфа = {alpha} (смоделировано выборов: {runs}).',
  'calibration.power': 'Смоделированную манипуляцию ({scenario}) он обнаруживал в {power} случаев.',
  'validation.none': 'Проблем в данных не найдено.',
  'p.kind.exact': 'точное',
  'p.kind.asymptotic': 'асимптотическое',
  'p.kind.monte_carlo': 'Монте-Карло',
  'p.kind.bootstrap': 'бутстреп',
  'p.kind.none': 'теста нет',

  'plot.margin.title': 'Разрыв по мере подсчёта',
  'plot.margin.x': 'Доля подсчитанных участков',
  'plot.margin.y': 'Разрыв ({a} минус {b}), процентные пункты',
  'plot.margin.cutoff': 'Точка отсечения',
  'plot.margin.band': 'Прогноз итогового разрыва (95-процентный интервал)',
  'plot.margin.threshold': 'Порог',
  'plot.fingerprint.title': 'Электоральный «отпечаток»: явка и доля победителя',
  'plot.fingerprint.x': 'Явка',
  'plot.fingerprint.y': 'Доля победителя',
  'plot.fingerprint.count': 'Участки',
  'plot.digits.title': 'Частоты цифр: наблюдаемые и ожидаемые',
  'plot.digits.x': 'Цифра',
  'plot.digits.y': 'Доля чисел',
  'plot.digits.observed': 'Наблюдаемая',
  'plot.digits.expected': 'Ожидаемая без манипуляций',
  'plot.percent.title': 'Участки по процентам (интервалы по 0,1 пункта)',
  'plot.percent.x_turnout': 'Явка, %',
  'plot.percent.x_share': 'Доля лидера, %',
  'plot.percent.y': 'Участки',
  'plot.percent.integer': 'Целый процент',
  'plot.percent.other': 'Прочие',
  'plot.persistence.title': 'Одни и те же единицы на двух выборах',
  'plot.persistence.x': 'Доля ({a}), %',
  'plot.persistence.y': 'Доля ({b}), %',
  'plot.persistence.flagged': 'Указанные в обвинении',
  'plot.persistence.others': 'Прочие единицы',
  'plot.map.title': 'Расположение участков',
  'plot.map.flagged': 'Указанные в обвинении',
  'plot.map.others': 'Прочие участки',
  'plot.legend': 'Группа',

  'label.flagged_stations': 'указанные участки',
  'target.turnout': 'явка',
  'effect.projection_gap': 'итоговый отрыв минус прогнозный, {target} (п. п.)',
  'effect.discontinuity': 'скачок отрыва по участкам в точке отсечения, {target} (п. п.)',
  'effect.discontinuity_fixed_effects':
    'скачок отрыва по участкам в точке отсечения внутри единиц уровня {level}, {target} (п. п.)',
  'effect.persistence': 'разность разностей доли кандидата {candidate}, {a} минус {b} (п. п.)',
  'scenario.simulated': '{kind} на {percent} участков (моделирование, {stations} участков)',
  'injection.ballot_stuffing': 'вброс бюллетеней',
  'injection.vote_switching': 'переброс голосов',
  'injection.rounding': 'округление до целых процентов',
  'injection.fabricated_digits': 'выдуманные последние цифры',
  'injection.late_count': 'переброс голосов на поздно подсчитанных участках',
  'injection.extreme': 'явка и поддержка около 100 %',
  'scenario.persistence':
    '{votes} голосов переданы кандидату {candidate} на указанных участках пропорционально действительным голосам (это сдвинуло бы статистику на {shift} п. п.)',

  'audit.title': 'Аудит: {by}, {date}',
  'scope.summary': '{what}, {election}: {flagged} из {n} участков',
  'scope.after_cutoff': 'участки, подсчитанные после точки {cutoff}',
  'scope.snapshot': 'снимок {id}',
  'scope.percentile': 'процентиль {value}',
  'scope.in_region': 'в единице «{level}» {label}',
  'scope.filter': 'участки, отобранные фильтром',
  'scope.listed': 'перечисленные участки',
  'scope.whole': 'все выборы целиком',
  'note.alleged_size':
    'Заявленный масштаб: {votes} голосов, переданных от {rival} в пользу {favoured}, — наименьшее число, отмена которого снижает отрыв до порога в {threshold} п. п. (выведено из alleged.size.threshold).',
  'note.not_run': 'Метод {method} не применялся: {reason}',
  'skip.excluded': 'исключён в файле обвинения',
  'skip.unknown_method': 'такого метода нет в реестре',
  'skip.no_cutoff': 'в обвинении не задана точка отсечения',
  'effect.projection_threshold': 'доля прогнозов, в которых {target} не ниже {threshold} п. п.',
  'target.projected_margin_at_least': '{target}, прогнозный отрыв >= {threshold}',
  'target.within': '{target}, внутри единиц уровня {level}',
  'note.run_regions_elsewhere':
    'На этой странице {shown} результатов по всем участкам; {other} результатов по регионам находятся рядом, в report.json, findings.csv и battery.xlsx.',
  'verdict.explore.consistent_with_allegation': 'Отклоняется от модели чистых выборов',
  'verdict.explore.not_supported': 'Этот тест не нашёл отклонения',
  'verdict.explore.inconclusive': 'Без вывода',
  'reason.explore_significant':
    '{method} нашёл отклонение от того, что дали бы чистые выборы того типа, который метод предполагает: его p-значение с поправкой на число тестов в этом отчёте равно {padj}, не выше порога {alpha}. Для этого запуска не заявлено никакого обвинения, поэтому это описание данных, а не подтверждение какого-либо утверждения; его могут дать как фальсификации, так и невинные объяснения, перечисленные ниже.',
  'reason.explore_not_significant':
    '{method} не нашёл отклонения от того, что дали бы чистые выборы: его p-значение с поправкой на число тестов в этом отчёте равно {padj}, выше порога {alpha}. Его молчание не исключает фальсификаций того вида или размера, который он не видит.',
  'layout.heading.explore': 'Результаты: отклонения от модели чистых выборов',
  'layout.explore_intro':
    'Обвинение не заявлено: каждый тест говорит, отклоняются ли данные от того, что дали бы чистые выборы того типа, который он предполагает. Откройте заголовок, чтобы увидеть тест, его график и невинные объяснения.',
  'caveat.explore_departs_meaning':
    '«Отклоняется от модели чистых выборов» значит, что в данных есть закономерность, которую чистые выборы предполагаемого тестом типа давали бы редко. Обвинение не заявлено, поэтому это не подтверждает никакого утверждения; невинные объяснения, перечисленные при каждом результате, могут дать ту же картину.',
  'caveat.explore_no_departure_meaning':
    '«Этот тест не нашёл отклонения» значит, что тест не обнаружил своей закономерности при заданном пороге. Это не удостоверяет, что выборы были чистыми.',
  'summary.counts_explore':
    'Результатов: {total}. Отклоняются от модели чистых выборов: {consistent}. Без отклонения: {notSupported}. Без вывода: {inconclusive}.',
  'scenario.announced_shift':
    '{percent} бюллетеней переданы от соперника поддерживаемому кандидату в объявленных итогах, {missing} участков отсутствуют случайно (моделирование, {stations} участков)',
  'announced.check.favoured_below_collected':
    'в собранных протоколах за {favoured} подано {collectedFavoured} голосов — больше объявленных {announcedFavoured}',
  'announced.check.rival_below_collected':
    'в собранных протоколах за {rival} подано {collectedRival} голосов — больше объявленных {announcedRival}',
  'announced.check.ballots_below_collected':
    'в собранных протоколах {collectedBallots} избирателей — больше объявленных {announcedBallots}',
  'announced.check.favoured_above_voters':
    '{favoured} понадобилось бы ещё {favouredNeeded} голосов там, где объявлено не более {ballotsNeeded} дополнительных избирателей',
  'announced.check.rival_above_voters':
    '{rival} понадобилось бы ещё {rivalNeeded} голосов там, где объявлено не более {ballotsNeeded} дополнительных избирателей',
  'announced.check.ballots_above_roll':
    'недостающим участкам понадобилось бы больше избирателей, чем {missingRegistered} в их списках',
  'announced.check.turnout_above_seen':
    'недостающим участкам понадобилась бы явка {turnout}, выше 99-го процентиля собранных ({p99})',
};
