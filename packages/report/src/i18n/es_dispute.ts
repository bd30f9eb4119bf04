/** Spanish messages of the bottom line and of the dispute replays (spread into es.ts). */
import type { enDispute } from './en_dispute.ts';

export const esDispute: Record<keyof typeof enDispute, string> = {
  // replays (replays-b)
  'replay.curiel_williams_projection.title':
    'Curiel y Williams: el margen final proyectado con la tendencia previa a la interrupción del TREP',
  'replay.curiel_williams_projection.note':
    'Tally ajusta una recta del margen por acta (MAS - CC, en puntos de votos válidos) contra el porcentaje de actas contadas, con las {early} actas del anuncio del TREP de las 19:40:57, cada una ponderada por sus votos válidos; ordena las actas por la hora de verificación del TREP y prolonga la recta a las otras {late} con sus votos válidos finales. Su texto no indica el orden, la ponderación ni el modelo exacto; Tally eligió estos. Su cifra es una cota inferior de 1.000 simulaciones; el intervalo de Tally extrae los coeficientes de la recta de su distribución muestral HC1.',
  'replay.curiel_williams_projection.says':
    'Una tendencia lineal de las actas contadas proyecta un margen final de {projected} puntos (el 97,5 % de las simulaciones en {low} o más); el margen oficial es {official}. La tendencia sola no reproduce "al menos 10,49" con estos datos: la subida después de la interrupción es mayor de lo que predice una recta sobre el conteo anterior. Esta réplica no muestra por qué; compárese con el relleno por recinto de la réplica del CEPR.',
  'replay.cepr_projection.title': 'CEPR: las actas que faltaban en la interrupción, completadas con su propio recinto',
  'replay.cepr_projection.note':
    'Cada acta que quedó fuera del anuncio recibe el margen de las actas anunciadas de su recinto, o de su municipio, departamento o país cuando su recinto no tiene ninguna, y sus votos válidos finales. El informe del CEPR no da un único margen proyectado en el texto que Tally pudo verificar, por eso el valor publicado está vacío. El CEPR hizo 500 simulaciones; Tally toma el margen de cada acta faltante de una acta anunciada de la misma unidad.',
  'replay.cepr_projection.says':
    'Completar las actas faltantes con sus propios recintos proyecta un margen de {projected} puntos; el {share} de {simulations} simulaciones alcanza el umbral de 10 puntos para ganar en primera vuelta (margen oficial {official}). La subida tardía es la que predicen las actas anunciadas de los mismos recintos, como sostuvo el CEPR.',
  'replay.escobari_hoover_did.title': 'Escobari y Hoover: diferencias en diferencias frente al referéndum de 2016',
  'replay.escobari_hoover_did.note':
    'Los votos de 2016 son los del emparejamiento del CEPR entre recintos de 2016 y 2019, iguales en todas las mesas de un recinto; Escobari y Hoover emparejaron mesas, con datos que Tally no tiene. Su estimación en votos por mesa se convierte aquí en porcentaje de votos válidos como el cambio de margen por la proporción de votos válidos emitidos en las mesas que quedaron fuera del anuncio. La elección de 2014, cuando se proporciona, se une por recinto y se informa en los detalles.',
  'replay.escobari_hoover_did.says':
    'Con su especificación el cambio estimado es {theirs} de los votos válidos, no 2,50 %; con efectos fijos por recinto, covariables rurales y del censo por año y errores agrupados por recinto es {fixed} ({fixedLow} a {fixedHigh}). La estimación mide cuánto se alejaron de su patrón de 2016 las mesas contadas tarde; eso equivale a fraude solo si las mesas tardías y tempranas se hubieran movido igual, algo que la réplica no puede comprobar.',
  'bottomline.title': 'Conclusión',
  'bottomline.lead.consistent_with_allegation': 'En esta pregunta, los datos son compatibles con la denuncia. {detail}',
  'bottomline.lead.not_supported': 'En esta pregunta, los datos no respaldan la denuncia. {detail}',
  'bottomline.lead.inconclusive': 'Los datos no permiten responder esta pregunta. {detail}',
  'bottomline.question.predictable_from_counted': '¿Se podía prever el margen final a partir de las mesas ya contadas?',
  'bottomline.question.trend_break': '¿Hay un cambio de tendencia una vez que el orden es el correcto?',
  'bottomline.question.flagged_differ':
    '¿Se diferencian las mesas señaladas de las demás en lo que dejaría una manipulación?',
  'bottomline.question.series_predictable':
    '¿Se podía prever el margen final declarado a partir de la serie publicada del conteo en {cut}?',
  'bottomline.detail.series':
    'En ese estado ({pct} de las unidades contadas, margen de {counted} puntos) la serie proyecta {projected} puntos (intervalo del 95 %: de {lo} a {hi}); el margen final fue {final}, a {gap} puntos de la proyección.',
  'bottomline.decisive.series': 'Margen final menos margen proyectado (serie de totales por región)',
  'bottomline.unexplained.series':
    'La proyección supone que las unidades que una región contó tarde votan como las que contó temprano; en Bolivia 2020, un conteo que nadie discutió, falla el margen final por 9 a 34 puntos, así que una diferencia en cualquier sentido puede ser inocente.',
  'bottomline.scenario.series':
    '{votes} votos pasados a {favoured} después del corte (el margen final se mueve {shift} puntos)',
  'bottomline.detail.projection':
    'Las mesas contadas proyectan un margen final de {median} puntos (intervalo del 95 %: de {lo} a {hi}); el {share} de las simulaciones llega a {threshold} puntos. El margen final fue {actual}.',
  'bottomline.detail.projection_missing': 'No se pudo calcular la proyección: {reason}',
  'bottomline.unexplained.projection':
    'El margen final está a {gap} puntos de la mediana proyectada. El intervalo supone que las mesas tardías difieren de las tempranas de su zona tanto como en un corte placebo dentro de las mesas contadas (desplazamiento tardío de {shift} puntos). Con {rows} variantes del modelo, la mediana proyectada va de {min} a {max} puntos.',
  'bottomline.unexplained.projection_no_sensitivity':
    'El margen final está a {gap} puntos de la mediana proyectada. El intervalo supone que las mesas tardías difieren de las tempranas de su zona tanto como en un corte placebo dentro de las mesas contadas (desplazamiento tardío de {shift} puntos).',
  'bottomline.detail.trend_break':
    'Con el orden de llegada de {order} y el corte en {cutoff}, el margen por mesa salta {jump} puntos en el corte (valor p frente a cortes placebo: {p}).',
  'bottomline.detail.trend_break_untested': 'Esto no se puede comprobar con estos datos: {reason}',
  'bottomline.detail.flagged_differ':
    'Frente a {b}, el porcentaje del candidato favorecido en las unidades señaladas de {a} se movió {effect} puntos respecto de unidades comparables (valor p {p}).',
  'bottomline.detail.flagged_untested': 'Esto no se comprobó: {reason}',
  'bottomline.reason.no_persistence':
    'el archivo de la denuncia no pide ningún análisis de persistencia frente a otra elección',
  'bottomline.reason.no_discontinuity': 'no se calculó ninguna discontinuidad en el corte',
  'bottomline.decisive.projection': 'Margen final proyectado (mediana de las simulaciones)',
  'bottomline.decisive.jump': 'Salto del margen por mesa en el corte',
  'bottomline.decisive.persistence': 'Diferencia en diferencias del porcentaje del favorecido',
  'bottomline.power':
    'Potencia al tamaño denunciado: {power} (intervalo del 95 %: de {lo} a {hi}, {injections} simulaciones); al triple de ese tamaño: {power3}.',
  'bottomline.power_none': 'Potencia al tamaño denunciado: no medida (la denuncia no indica un tamaño).',
  'bottomline.scenario.latecount':
    '{votes} votos pasados de {rival} a {favoured} en las mesas contadas después del corte, repartidos en zonas completas elegidas al azar',
  'bottomline.scenario.persistence':
    '{votes} votos pasados a {favoured} en las mesas señaladas (un desplazamiento de {shift} puntos en este estadístico), juzgados con su distribución nula por permutación',
  'bottomline.sensitivity.title': 'Sensibilidad de las cifras principales a las decisiones de modelado',
  // replays (replays-a)
  'replays.heading': 'La disputa, reproducida',
  'replays.intro':
    'Cada análisis publicado sobre la disputa, repetido con los mismos datos: la cifra publicada, la cifra de Tally para la misma pregunta con su intervalo, y la diferencia.',
  'replays.col.replay': 'Análisis',
  'replays.col.published': 'Publicado',
  'replays.col.reproduced': 'Tally [intervalo]',
  'replays.col.difference': 'Diferencia',
  'replays.no_number': 'sin cifra',
  'replays.source': 'Fuente',
  'replays.note': 'Nota',
  'replays.says': 'Qué indica',
  'replays.plot.chronological': 'orden real de las horas',
  'replays.plot.text': 'horas ordenadas como texto',
  'replay.oas_trend_break.title': 'Quiebre de tendencia de la OEA al 95% del conteo',
  'replay.oas_trend_break.note':
    'Estimado con {n} actas que tienen hora de verificación en el TREP: margen por acta según la proporción de actas contadas, con un salto y un cambio de pendiente al 95%. El informe de la OEA muestra el quiebre en un gráfico; no encontramos un coeficiente publicado con el que comparar. Con las mismas horas escritas en formato de 12 horas y ordenadas como texto (el error del analista de la OEA), el salto es de {textJump} puntos [{textLow}, {textHigh}].',
  'replay.oas_trend_break.says':
    'En el orden real de las horas, el margen por acta salta {jump} puntos al 95% del conteo [{low}, {high}]; ordenado como texto, {textJump}. Un salto en el orden bruto indica qué actas llegaron tarde, no por qué: el análisis siguiente añade ruralidad, región y recinto.',
  'replay.ikr_adjusted_break.title':
    'El mismo quiebre con efectos fijos de ruralidad × departamento y de recinto (Idrobo, Kronick y Rodríguez)',
  'replay.ikr_adjusted_break.note':
    'Idrobo, Kronick y Rodríguez informan que el quiebre desaparece con el orden correcto y controles, sin un único coeficiente que Tally pueda comparar con su tabla; su conjunto de controles se aproxima con {cells} celdas de ruralidad × departamento y efectos fijos de recinto. Sin controles el salto es {plain}; solo con las celdas, {controlled}.',
  'replay.ikr_adjusted_break.says':
    'El salto al 95% pasa de {plain} puntos (sin controles) a {controlled} (ruralidad × departamento) y {recinto} [{low}, {high}] dentro de cada recinto: lo que queda es el cambio dentro del mismo recinto, la parte que la ruralidad y la región no explican.',
  'replay.persistence_2020.title':
    'La elección de 2020: ¿los recintos contados tarde y los señalados por la OEA votaron igual otra vez?',
  'replay.persistence_2020.note':
    'Ninguna cifra publicada compara estos recintos con 2020. {recintos} recintos enlazados por su código de 2019 con {against}; cambio = margen MAS menos CC de 2020 menos el de 2019, comparado dentro de cada municipio.',
  'replay.persistence_2020.says':
    'Los {late} recintos contados en su mayoría después de la interrupción cambiaron {lateDiff} puntos [{lateLow}, {lateHigh}] respecto de otros recintos de su municipio; los {listed} recintos con un acta en la lista de 226 de la OEA, {listedDiff} [{listedLow}, {listedHigh}]. Un cambio hacia el rival en 2020 es lo que dejaría un inflado en 2019; un cambio nulo o hacia el MAS es lo que muestra la persistencia de un voto real.',
  'bottomline.question.announced_totals_hold':
    '¿Podrían las mesas que faltan en las actas recogidas hacer ciertos los totales anunciados?',
  'bottomline.detail.announced_totals':
    'Las actas recogidas suman {collectedRival} votos para {rival}; se anunciaron {announcedRival}. {favoured} necesitaría {favouredNeeded} votos más de las mesas que faltan, que aportarían {ballotsNeeded} votantes ({turnout} de sus electores inscritos). Proyectado desde las mesas recogidas de sus zonas, el conteo completo da un margen de {projected} puntos ({lo} a {hi}); se anunció {announced}. {checks}',
  'bottomline.unexplained.announced_delta':
    'Para el margen anunciado, las mesas que faltan tendrían que diferir de sus vecinas en {delta} puntos de margen, un margen de {needed} puntos entre sus propios votantes: {reachable}.',
  'bottomline.reachable.yes': 'posible en principio, si difieren tanto',
  'bottomline.reachable.no':
    'más que todos sus votantes, así que ningún contenido de las mesas que faltan lo alcanza con la participación proyectada',
  'bottomline.decisive.announced': 'Margen anunciado menos margen proyectado',
  'bottomline.question.sheets_fabricated':
    '¿Llevan las actas recogidas las huellas de cifras inventadas (la contraacusación de que fueron fabricadas)?',
  'bottomline.detail.sheets_fabricated':
    'Se responde con las {tests} pruebas de dígitos y de porcentajes enteros aplicadas a las {n} actas recogidas, tras la corrección por pruebas múltiples; cada hallazgo indica su potencia contra últimos dígitos fabricados o redondeo, según la simulación: de {minPower} a {maxPower} con el 5 % de las actas fabricadas.',
  'bottomline.unexplained.sheets_fabricated':
    'Estas pruebas no ven cifras inventadas con la estadística de conteos reales, ni actas copiadas de actas reales; una revisión foto por foto de las actas frente a sus códigos QR sí puede.',
  'bottomline.lead_counter.consistent_with_allegation':
    'Los datos concuerdan con la contraacusación en esta pregunta. {detail}',
  'bottomline.lead_counter.not_supported': 'Los datos no respaldan la contraacusación en esta pregunta. {detail}',
  'bottomline.lead_counter.inconclusive': 'Los datos no permiten zanjar esta pregunta. {detail}',
  'bottomline.announced_checks.none': 'La aritmética sola no descarta los totales anunciados.',
  'bottomline.announced_checks.some':
    'Si las actas recogidas son auténticas, la aritmética sola descarta los totales anunciados, aun si el anuncio dejó fuera las {allowance} actas recogidas que más pesan: {list}.',
};
