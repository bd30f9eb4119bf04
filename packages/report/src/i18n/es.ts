/** Spanish message catalogue (same keys as en.ts). */
import type { MessageKey } from './en.ts';
import { esCli } from './es_cli.ts';
import { esDispute } from './es_dispute.ts';
import { esMethods } from './es_methods.ts';

/** Spanish messages. */
export const es: Record<MessageKey, string> = {
  ...esCli,
  ...esDispute,
  ...esMethods,
  'verdict.consistent_with_allegation': 'Compatible con la denuncia',
  'verdict.not_supported': 'No respaldada por esta prueba',
  'verdict.inconclusive': 'No concluyente',

  'reason.significant_in_alleged_direction':
    'El método {method} encontró el patrón que la denuncia predice. Su valor p, ajustado por el número de pruebas de este informe, es {padj}, igual o inferior al umbral de {alpha} fijado de antemano. Un patrón así de marcado sería raro si las cifras procedieran de una elección limpia del tipo que la prueba supone. Esto no demuestra que hubiera fraude: las explicaciones inocentes que se enumeran abajo pueden producir el mismo patrón.',
  'reason.significant_opposite_direction':
    'El método {method} encontró una desviación clara (valor p ajustado {padj}), pero en el sentido contrario al que la denuncia predice ({effectName}: {effect}). Esto no respalda la denuncia. La desviación misma puede tener alguna de las explicaciones inocentes que se enumeran abajo.',
  'reason.not_significant':
    'El método {method} no encontró el patrón que la denuncia predice: su valor p, ajustado por el número de pruebas de este informe, es {padj}, superior al umbral de {alpha}. Esta prueba podía ver el patrón que busca, al tamaño que indica su potencia medida; no podía ver una manipulación más pequeña ni una de un tipo que no busca.',
  'reason.screen_significant':
    'El método {method} encontró una desviación respecto de lo que produciría una elección limpia del tipo que supone: su valor p, ajustado por el número de pruebas de este informe, es {padj}, igual o inferior al umbral de {alpha}. Es una prueba de cribado general: la denuncia no predice este patrón concreto. La desviación es compatible con una manipulación e, igualmente, con las explicaciones inocentes que se enumeran abajo.',
  'reason.screen_not_significant':
    'El método {method} no encontró ninguna desviación respecto de lo que produciría una elección limpia: su valor p, ajustado por el número de pruebas de este informe, es {padj}, superior al umbral de {alpha}. Es una prueba de cribado general; su silencio no descarta una manipulación de un tipo que no puede ver.',
  'reason.no_test':
    'El método {method} da una estimación ({statisticName} = {statistic}) pero no una prueba con valor p, de modo que por sí sola no puede ni respaldar ni contradecir la denuncia.',
  'reason.too_few_stations':
    'El método {method} solo pudo usar {n} mesas, menos de las {min} que necesita para dar una respuesta fiable, así que no se saca ninguna conclusión de ella.',
  'reason.low_power':
    'El método {method} no encontró el patrón (valor p ajustado {padj}), pero en elecciones simuladas con una manipulación del tipo denunciado solo lo encuentra en el {power} de los casos. Por eso su silencio dice poco en uno u otro sentido.',
  'reason.miscalibrated':
    'El método {method} dio un valor p ajustado de {padj}, pero en elecciones limpias simuladas da una falsa alarma en el {fpr} de los casos en lugar del {alpha} nominal. Un resultado como este no se distingue de sus falsas alarmas habituales.',

  // bottom line (bottom-line)
  'reason.not_identified':
    'El método {method} dio un valor p ajustado de {padj}, pero estos datos no pueden responder a su pregunta: {why} Se muestra su resultado, pero no se saca ninguna conclusión de él.',
  'projection.not_identified':
    'solo {own} de las {projected} mesas no contadas tenían al menos {minDonors} mesas contadas en su propio {level}; las demás se proyectaron desde zonas más amplias, cuya diferencia entre mesas tardías y tempranas el intervalo no mide (se calibra dentro de cada zona), así que no se puede confiar en que el intervalo cubra el margen final.',
  'reason.low_power_at_alleged_size':
    'El método {method} no encontró el patrón (valor p ajustado {padj}). No concluyente: esta prueba no podía ver una manipulación del tamaño denunciado (potencia {power}: al inyectar esa manipulación en estos datos, la prueba solo la detectó con esa frecuencia).',
  'sensitivity.choice.baseline': 'referencia',
  'sensitivity.choice.rule': 'regla de donantes',
  'sensitivity.choice.scale': 'escala',
  'sensitivity.choice.minDonors': 'mínimo de donantes',
  'sensitivity.choice.weighting': 'ponderación',
  'sensitivity.choice.bandwidth': 'ancho de banda',
  'sensitivity.choice.arrival_order': 'orden de llegada',
  'sensitivity.choice.cutoff': 'corte',
  'label.power_at_alleged_size': 'potencia al tamaño denunciado',

  'correction.bh': 'Benjamini-Hochberg, tasa de falsos descubrimientos',
  'correction.holm': 'Holm, tasa de error por familia',
  'correction.bonferroni': 'Bonferroni, tasa de error por familia',
  'correction.none': 'sin corrección',
  // report layout (report-layout)
  'layout.heading.bottom_line': 'Las respuestas en breve',
  'layout.heading.sensitivity': 'Cuánto cambian las respuestas con las decisiones del modelo',
  'layout.headline.median': 'la mediana proyectada (puntos)',
  'layout.headline.lo': 'el extremo inferior del intervalo',
  'layout.headline.hi': 'el extremo superior del intervalo',
  'layout.headline.shareAbove': 'la proporción de simulaciones en el umbral o por encima',
  'layout.headline.jump': 'el salto en el corte (puntos)',
  'layout.headline.jumpPValue': 'el valor p del salto',
  'layout.heading.claim': 'La denuncia y los hallazgos que la ponen a prueba',
  'layout.heading.appendix': 'Anexo',
  'layout.heading.screens': 'El resto de la batería: pruebas generales',
  'layout.heading.rows': 'Filas leídas y analizadas',
  'layout.screens_intro':
    'Estas comprobaciones generales no ponen a prueba lo que predice la denuncia; describen los datos. Abra un título para ver la prueba, su gráfico y sus explicaciones inocentes.',
  'layout.label.decisive': 'Cifra decisiva',
  'layout.label.power': '¿Vería una manipulación del tamaño denunciado?',
  'layout.verdict_for_allegation': 'Para la denuncia: {verdict}',
  'layout.label.unexplained': 'Lo que queda sin explicar',
  'layout.label.based_on': 'Se basa en',
  'layout.label.choice': 'Decisión del modelo',
  'layout.label.setting': 'Valor',
  'layout.label.first_example': 'Primer caso',
  'layout.label.rows_read': 'Filas leídas',
  'layout.label.analysed': 'Filas analizadas',
  'layout.label.excluded_rows': 'Filas excluidas',
  'layout.interval': 'intervalo de {lo} a {hi}',
  'layout.power':
    '{power}: la prueba detectó {detected} de {injections} manipulaciones del tamaño denunciado inyectadas en los datos reales (intervalo del 95 %: de {lo} a {hi}). Se inyectó: {scenario}.',
  'layout.low_power': 'Menos del 80 %: esta prueba podría no haber visto una manipulación del tamaño denunciado.',
  'layout.no_power': 'no medida',
  'layout.spread': 'Con estas decisiones, {name} va de {lo} a {hi}.',
  'layout.no_sensitivity': 'No se variaron decisiones del modelo.',
  'layout.where_row': 'fila {row}',
  'layout.where_column': 'columna {column}',
  'layout.validation_summary':
    '{total} problemas de validación ({errors} errores, {warnings} advertencias), una línea por regla con su primer caso. El archivo CSV los lista todos.',
  'layout.download_csv': 'Descargar todos los problemas en CSV',
  'layout.csv_capped': 'El archivo CSV lista los primeros {shown} de {total} problemas; report.json los lista todos.',

  'caveat.no_proof':
    'Una prueba estadística no puede demostrar ni descartar un fraude. Solo dice si las cifras se ajustan a lo que produciría una elección limpia del tipo supuesto.',
  'caveat.consistent_meaning':
    '«Compatible con la denuncia» significa que los datos muestran el patrón que la denuncia predice. Las explicaciones inocentes que acompañan a cada hallazgo pueden producir el mismo patrón.',
  'caveat.not_supported_meaning':
    '«No respaldada» significa que esta prueba no encontró el patrón predicho con el umbral indicado. No certifica que la elección fuera limpia.',
  'caveat.multiple_testing':
    'Se realizaron muchas pruebas; los valores p se ajustaron por su número ({correction}) para que el azar por sí solo rara vez produzca un hallazgo.',
  'caveat.data_quality':
    'Todo resultado depende de los datos proporcionados. Revise los problemas de validación de este informe antes de apoyarse en cualquier hallazgo.',
  'caveat.alpha':
    'El umbral (alfa = {alpha}) se fijó antes de realizar las pruebas y es el mismo para todos los hallazgos.',

  'heading.report': 'Informe de análisis forense electoral',
  'heading.summary': 'Resumen',
  'heading.allegation': 'La denuncia',
  'heading.verdicts': 'Veredictos',
  'heading.findings': 'Hallazgos',
  'heading.innocent': 'Explicaciones inocentes que siguen abiertas',
  'heading.validation': 'Problemas de validación en los datos',
  'heading.methods': 'Notas sobre los métodos',
  'heading.caveats': 'Cómo leer este informe',
  'heading.inputs': 'Datos de entrada y reproducibilidad',
  'heading.warnings': 'Advertencias',
  'heading.details': 'Cifras',
  'heading.notes': 'Notas sobre este análisis',

  'label.claim': 'Afirmación',
  'label.claimant': 'Formulada por',
  'label.date': 'Fecha',
  'label.scope': 'Qué se denuncia',
  'label.method': 'Método',
  'label.target': 'Objeto',
  'label.region': 'Región',
  'label.whole_data': 'todas las mesas',
  'label.statistic': 'Estadístico',
  'label.p_value': 'Valor p',
  'label.adjusted_p': 'Valor p ajustado',
  'label.p_kind': 'Tipo de valor p',
  'label.effect': 'Efecto',
  'label.verdict': 'Veredicto',
  'label.stations': 'Mesas analizadas',
  'label.excluded': 'Mesas excluidas',
  'label.replicates': 'Réplicas',
  'label.seed': 'Semilla',
  'label.version': 'Versión de Tally',
  'label.file': 'Archivo',
  'label.sha256': 'SHA-256',
  'label.level': 'Nivel',
  'label.row': 'Fila',
  'label.column': 'Columna',
  'label.rule': 'Regla',
  'label.message': 'Mensaje',
  'label.alpha': 'Umbral (alfa)',
  'label.correction': 'Corrección por pruebas múltiples',
  'label.reference': 'Referencia',
  'label.calibration': 'Tasa de falsos positivos medida',
  'label.export_png': 'Descargar PNG',
  'label.level_error': 'error',
  'label.level_warning': 'advertencia',
  'label.count': 'Cantidad',
  'label.language': 'Idioma',

  'summary.counts':
    'Hallazgos: {total}. Compatibles con la denuncia: {consistent}. No respaldados: {notSupported}. No concluyentes: {inconclusive}.',
  'summary.rule':
    'Cada prueba se juzga con alfa = {alpha} tras ajustar por el número de pruebas de este informe (pruebas: {tests}; corrección: {correction}).',
  'summary.no_allegation': 'No se indicó ninguna denuncia; los hallazgos describen los datos en su conjunto.',
  'summary.no_findings': 'Ningún método produjo un resultado.',
  'summary.validation_counts': 'Problemas de validación en los datos: errores: {errors}; advertencias: {warnings}.',
  'summary.more_issues':
    'Se muestran los primeros {shown} de {total} problemas de validación; report.json los enumera todos.',

  'calibration.text':
    'En elecciones limpias simuladas, esta prueba dio una falsa alarma en el {fpr} de los casos con alfa = {alpha} ({runs} elecciones simuladas).',
  'calibration.power': 'Detectó la manipulación simulada ({scenario}) en el {power} de los casos.',
  'validation.none': 'No se encontraron problemas de validación.',
  'p.kind.exact': 'exacto',
  'p.kind.asymptotic': 'asintótico',
  'p.kind.monte_carlo': 'Monte Carlo',
  'p.kind.bootstrap': 'bootstrap',
  'p.kind.none': 'sin prueba',

  'plot.margin.title': 'Margen a medida que avanzaba el recuento',
  'plot.margin.x': 'Proporción de mesas contadas',
  'plot.margin.y': 'Margen ({a} menos {b}), puntos porcentuales',
  'plot.margin.cutoff': 'Corte',
  'plot.margin.band': 'Margen final proyectado (intervalo del 95 %)',
  'plot.margin.threshold': 'Umbral',
  'plot.fingerprint.title': 'Huella electoral: participación frente al porcentaje del ganador',
  'plot.fingerprint.x': 'Participación',
  'plot.fingerprint.y': 'Porcentaje del ganador',
  'plot.fingerprint.count': 'Mesas',
  'plot.digits.title': 'Frecuencia de los dígitos: observada y esperada',
  'plot.digits.x': 'Dígito',
  'plot.digits.y': 'Proporción de los recuentos',
  'plot.digits.observed': 'Observada',
  'plot.digits.expected': 'Esperada sin manipulación',
  'plot.percent.title': 'Mesas por porcentaje (intervalos de 0,1 puntos)',
  'plot.percent.x_turnout': 'Participación, %',
  'plot.percent.x_share': 'Porcentaje del líder, %',
  'plot.percent.y': 'Mesas',
  'plot.percent.integer': 'Porcentaje entero',
  'plot.percent.other': 'Otro',
  'plot.persistence.title': 'Las mismas unidades en dos elecciones',
  'plot.persistence.x': 'Porcentaje en {a}, %',
  'plot.persistence.y': 'Porcentaje en {b}, %',
  'plot.persistence.flagged': 'Señaladas en la denuncia',
  'plot.persistence.others': 'Otras unidades',
  'plot.map.title': 'Ubicación de las mesas',
  'plot.map.flagged': 'Señaladas en la denuncia',
  'plot.map.others': 'Otras mesas',
  'plot.legend': 'Grupo',

  'label.flagged_stations': 'mesas señaladas',
  'target.turnout': 'participación',
  'effect.projection_gap': 'margen final menos margen proyectado, {target} (puntos)',
  'effect.discontinuity': 'salto del margen por mesa en el punto de corte, {target} (puntos)',
  'effect.discontinuity_fixed_effects':
    'salto del margen por mesa en el punto de corte dentro de cada área de {level}, {target} (puntos)',
  'effect.persistence': 'diferencia en diferencias del porcentaje de {candidate}, {a} menos {b} (puntos)',
  'scenario.simulated': '{kind} en el {percent} de las mesas (simulado, {stations} mesas)',
  'injection.ballot_stuffing': 'relleno de urnas',
  'injection.vote_switching': 'traspaso de votos',
  'injection.rounding': 'redondeo a porcentajes enteros',
  'injection.fabricated_digits': 'últimos dígitos inventados',
  'injection.late_count': 'traspaso de votos en las mesas contadas tarde',
  'injection.extreme': 'participación y apoyo de ~100 %',
  'scenario.persistence':
    '{votes} votos transferidos a {candidate} en las mesas señaladas, repartidos según sus votos válidos (moverían este estadístico en {shift} puntos)',

  'audit.title': 'Auditoría: {by}, {date}',
  'scope.summary': '{what} de {election}: {flagged} de {n} mesas',
  'scope.after_cutoff': 'mesas contadas después de {cutoff}',
  'scope.snapshot': 'la instantánea {id}',
  'scope.percentile': 'el percentil {value}',
  'scope.in_region': 'en {level} {label}',
  'scope.filter': 'mesas que cumplen un filtro',
  'scope.listed': 'mesas enumeradas',
  'scope.whole': 'toda la elección',
  'note.alleged_size':
    'Magnitud denunciada: {votes} votos transferidos de {rival} a {favoured}, el menor número cuya reversión reduce el margen hasta el umbral de {threshold} puntos (derivado de alleged.size.threshold).',
  'note.not_run': '{method} no se ejecutó: {reason}',
  'skip.excluded': 'excluido por el archivo de la denuncia',
  'skip.unknown_method': 'no existe ese método en el registro',
  'skip.no_cutoff': 'la denuncia no indica un punto de corte',
  'effect.projection_threshold': 'proporción de proyecciones con {target} igual o superior a {threshold} puntos',
  'target.projected_margin_at_least': '{target}, margen proyectado >= {threshold}',
  'target.within': '{target}, dentro de cada {level}',
  'note.run_regions_elsewhere':
    'Esta página muestra los {shown} hallazgos sobre todas las mesas; los {other} hallazgos por región están en report.json, findings.csv y battery.xlsx, junto a ella.',
  'verdict.explore.consistent_with_allegation': 'Se aparta del modelo de elección limpia',
  'verdict.explore.not_supported': 'Esta prueba no encontró desviación',
  'verdict.explore.inconclusive': 'No concluyente',
  'reason.explore_significant':
    '{method} encontró una desviación respecto de lo que produciría una elección limpia del tipo que supone: su valor p, ajustado por el número de pruebas de este informe, es {padj}, igual o menor que el umbral de {alpha}. Esta ejecución no enuncia ninguna denuncia, así que es una descripción de los datos, no el respaldo de una afirmación; la manipulación y las explicaciones inocentes listadas abajo pueden producirla por igual.',
  'reason.explore_not_significant':
    '{method} no encontró desviación respecto de lo que produciría una elección limpia: su valor p, ajustado por el número de pruebas de este informe, es {padj}, mayor que el umbral de {alpha}. Su silencio no descarta una manipulación de un tipo o tamaño que no puede ver.',
  'layout.heading.explore': 'Hallazgos: desviaciones del modelo de elección limpia',
  'layout.explore_intro':
    'No se enunció ninguna denuncia: cada prueba dice si los datos se apartan de lo que produciría una elección limpia del tipo que supone. Abra un título para ver la prueba, su gráfico y sus explicaciones inocentes.',
  'caveat.explore_departs_meaning':
    '"Se aparta del modelo de elección limpia" significa que los datos muestran un patrón que una elección limpia del tipo que supone la prueba rara vez produciría. No se enunció ninguna denuncia, así que no respalda ninguna afirmación; las explicaciones inocentes listadas con cada hallazgo pueden producir el mismo patrón.',
  'caveat.explore_no_departure_meaning':
    '"Esta prueba no encontró desviación" significa que la prueba no encontró su patrón al umbral indicado. No certifica que la elección haya sido limpia.',
  'summary.counts_explore':
    'Hallazgos: {total}. Se apartan del modelo de elección limpia: {consistent}. Sin desviación: {notSupported}. No concluyentes: {inconclusive}.',
  'scenario.announced_shift':
    '{percent} de los votos pasados del rival al candidato favorecido en los totales anunciados, {missing} de las mesas faltantes al azar (simulado, {stations} mesas)',
  'announced.check.favoured_below_collected':
    'las actas recogidas suman {collectedFavoured} votos para {favoured}, más que los {announcedFavoured} anunciados',
  'announced.check.rival_below_collected':
    'las actas recogidas suman {collectedRival} votos para {rival}, más que los {announcedRival} anunciados',
  'announced.check.ballots_below_collected':
    'las actas recogidas suman {collectedBallots} votantes, más que los {announcedBallots} anunciados',
  'announced.check.favoured_above_voters':
    '{favoured} necesitaría {favouredNeeded} votos más donde se anunciaron a lo sumo {ballotsNeeded} votantes más',
  'announced.check.rival_above_voters':
    '{rival} necesitaría {rivalNeeded} votos más donde se anunciaron a lo sumo {ballotsNeeded} votantes más',
  'announced.check.ballots_above_roll':
    'las mesas que faltan necesitarían más votantes que sus {missingRegistered} electores inscritos',
  'announced.check.turnout_above_seen':
    'las mesas que faltan necesitarían una participación de {turnout}, por encima del percentil 99 de las recogidas ({p99})',
};
