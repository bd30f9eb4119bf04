/** Spanish message catalogue (same keys as en.ts). */
import type { MessageKey } from './en.ts';

/** Spanish messages. */
export const es: Record<MessageKey, string> = {
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

  'family.digits': 'Pruebas de dígitos',
  'family.distribution': 'Forma de las distribuciones',
  'family.fingerprint': 'Huella electoral',
  'family.integer_percent': 'Porcentajes enteros',
  'family.turnout_excess': 'Exceso de participación y modelos de fraude',
  'family.late_count': 'Análisis del recuento tardío',
  'family.persistence': 'Persistencia entre elecciones',
  'family.tally_sheets': 'Cifras oficiales frente a las actas',
  'family.generic': 'Otras pruebas',

  'innocent.heterogeneity':
    'Las diferencias reales entre lugares (regiones, grupos lingüísticos o étnicos, bastiones de un partido) hacen que las cifras sean menos uniformes de lo que la prueba supone, sin ninguna manipulación.',
  'innocent.urban_rural':
    'Las mesas urbanas y rurales difieren en participación y en cómo votan; al mezclarlas se obtienen distribuciones asimétricas o con dos picos y una relación entre participación y porcentaje de votos.',
  'innocent.small_stations':
    'Las mesas pequeñas tienen pocos electores, así que sus cifras y porcentajes son gruesos: porcentajes enteros, dígitos repetidos y participaciones extremas aparecen ahí por pura aritmética.',
  'innocent.honest_rounding':
    'Los funcionarios que redondean, estiman o copian cifras de buena fe (por ejemplo, al 5 o al 10 más cercano) dejan los mismos patrones de dígitos que dejaría una manipulación deliberada.',
  'innocent.second_reader_errors':
    'La segunda lectura tiene sus propios errores: una fotografía, una copia o una transcripción automática puede leer mal una columna más que otra (letra, formato), lo que inclina las diferencias hacia un lado sin que cambie la cifra oficial.',
  'innocent.scrutiny_corrections':
    'Las cifras oficiales pueden corregirse legítimamente después de escrita el acta (un recuento, un escrutinio especial, un acta corregida y firmada de nuevo), de modo que la cifra oficial y la copia leída difieren por una razón lícita.',
  'innocent.data_errors':
    'Los errores de digitación, de transcripción y los problemas en la elaboración del archivo publicado pueden crear el mismo patrón sin intención alguna.',
  'innocent.mobilisation':
    'Una movilización genuina: donde un candidato es popular acuden a votar más de sus simpatizantes, lo que por sí solo vincula una mayor participación con un mayor porcentaje para ese candidato.',
  'innocent.special_stations':
    'Las mesas especiales (unidades militares, hospitales, cárceles, mesas en el exterior o en zonas remotas) suelen tener una participación muy alta y votos muy concentrados por razones corrientes.',
  'innocent.digit_assumptions':
    'Las leyes de dígitos solo se cumplen de forma aproximada en los recuentos de votos; dependen del tamaño de las mesas y de los porcentajes de voto, y elecciones limpias a menudo no las cumplen.',
  'innocent.composition':
    'Las mesas contadas tarde pueden proceder de lugares distintos (rurales, remotos o del exterior) que votan de otra manera que las contadas antes, de modo que la tendencia puede cambiar sin manipulación.',
  'innocent.arrival_order':
    'Los errores en el orden de llegada, como horas ordenadas como texto o relojes en distintas zonas horarias, pueden crear un quiebre aparente que no está en el recuento.',
  'innocent.transmission_delays':
    'Las mesas remotas envían sus resultados más tarde por razones prácticas (distancia, conectividad, traslado de las actas), lo que vincula la hora de llegada con a quién apoyan sus votantes.',
  'innocent.voter_change':
    'Los votantes cambian de opinión entre elecciones, y también cambian los candidatos, los partidos y las alianzas; una diferencia entre dos elecciones puede ser genuina.',
  'innocent.regression_to_mean':
    'Las unidades elegidas porque su resultado fue extremo tienden a parecer más corrientes en otra elección (regresión a la media), aunque no hubiera nada irregular.',
  'innocent.boundary_changes':
    'Las mesas, los límites y los padrones cambian entre elecciones, de modo que las unidades emparejadas pueden no tener los mismos votantes en ambas.',
  'innocent.model_assumptions':
    'El modelo detrás de la estimación es una simplificación; cuando sus supuestos no se cumplen (por ejemplo, si hay varios picos limpios), atribuye al fraude una variación corriente.',
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
  'innocent.late_where':
    'Las mesas contadas tarde dieron un margen de {late} puntos, frente a {early} en las contadas temprano. Si cada mesa tardía hubiera votado como las tempranas de su propio {level}, el margen tardío habría sido {expected}: el lugar donde están las mesas tardías explica el {share} de la diferencia.',
  'innocent.late_other_election':
    'En {election}, los lugares cuyas mesas se contaron tarde aquí también dieron un margen de {late} puntos, frente a {early} en los demás: el {share} de la diferencia entre tardías y tempranas es lo que esos lugares hacen en otra elección.',
  'innocent.late_rural_arrival':
    'Las mesas rurales y alejadas suelen enviar sus resultados más tarde (distancia, traslado de actas, conexión). Si votan distinto, el margen ({target}) se mueve a medida que llegan, sin manipulación: aquí se movió {shift} puntos después del corte.',
  'innocent.projection_assumption':
    'La proyección ({median} puntos, intervalo de {lo} a {hi}) supone que cada mesa no contada vota como las contadas de su propia zona; las mesas tardías que difieren de sus vecinas por razones corrientes alejan de ella el resultado final.',
  'innocent.batch_reporting':
    'Las zonas que informan por tandas (un departamento o una ciudad entera a la vez) hacen saltar el margen de las mesas en cualquier corte entre tandas.',
  'innocent.persistence_gain':
    'Entre {a} y {b} las unidades señaladas cambiaron {effect} puntos para {candidate} respecto de las demás unidades de su {stratum}: los vaivenes locales genuinos, las mesas nuevas o cerradas y los cambios de alianzas mueven tanto a las zonas pequeñas.',
  'innocent.persistence_regression':
    'Entre {a} y {b} las unidades señaladas cambiaron {effect} puntos para {candidate} respecto de las demás unidades de su {stratum}: las unidades elegidas por un resultado inusual en una elección suelen parecer más corrientes en la siguiente (regresión a la media).',
  'innocent.round_endings':
    'El {observed} de estas cifras de {target} termina en 0 o 5, frente al {expected} esperado por azar: el redondeo o la estimación honesta de los funcionarios y los conteos en cero mueven esta proporción.',
  'innocent.benford_range':
    'Las leyes del primer dígito requieren conteos que abarquen varios órdenes de magnitud; los conteos de {target} abarcan aquí unos {orders} órdenes de magnitud, porque las mesas tienen tamaños parecidos, así que los conteos limpios también se apartan de la ley.',
  'innocent.last_digit_small':
    'Los últimos dígitos son casi uniformes solo en conteos muy por encima de {min}; las mesas con conteos pequeños de {target} los desvían por pura aritmética.',
  'innocent.two_kinds_of_places':
    'Dos picos en {target} entre {n} mesas aparecen cuando las mesas mezclan dos tipos de lugares, como ciudades y campo, o regiones que votan distinto.',
  'innocent.shape_regions':
    'La forma de {target} entre {n} mesas (asimetría {skew}) refleja cuán distintos son los lugares: mezclar regiones, ciudades y campo la vuelve asimétrica y engrosa sus colas.',
  'innocent.turnout_support_together':
    'La participación y la proporción de {target} suben juntas aquí ({statistic}): donde un candidato es popular, acuden a votar más de sus partidarios, sin manipulación.',
  'innocent.turnout_support_opposite':
    'La participación y la proporción de {target} van en sentidos opuestos aquí ({statistic}): donde los rivales son populares, acuden a votar más de sus partidarios.',
  'innocent.fingerprint_corner':
    'Las mesas cerca del 100 % de participación y del 100 % para el ganador ({stations} aquí) suelen ser comunidades pequeñas, cerradas o especiales (cuarteles, pueblos alejados) que votan en bloque.',
  'innocent.support_rises_with_turnout':
    'La estimación ({statistic} votos para {target}) supone que la proporción en la participación más frecuente se mantiene en toda participación; donde el apoyo sube de verdad con la participación, cuenta votos genuinos como exceso.',
  'innocent.whole_number_habits':
    'Los funcionarios que anotan la participación o las proporciones como porcentajes enteros, y las mesas pequeñas, donde caben pocos porcentajes, ponen mesas en valores redondos de {target}.',
  'innocent.flagged_selection':
    'Estas {n} mesas son solo las nombradas en la denuncia; los lugares que difieren del resto del país (por región, por ser ciudad o campo) difieren también en estas cifras.',

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
  'method.second_digit_benford': 'Ley de Benford del segundo dígito (2BL)',
  'method.last_digit': 'Últimos dígitos (ji cuadrado de Beber-Scacco; media del último dígito del EFT)',
  'method.c05s': 'Conteos terminados en 0 o 5 (C05s)',
  'method.p05s': 'Porcentajes terminados en 0 o 5 (P05s)',
  'method.skew_kurtosis': 'Asimetría y curtosis',
  'method.dip_test': 'Prueba dip de unimodalidad de Hartigan',
  'method.turnout_share_correlation': 'Correlación entre la participación y el porcentaje de votos',
  'method.sobyanin_sukhovolsky': 'Pendiente de Sobyanin-Sukhovolsky',
  'method.first_digit_benford': 'Ley de Benford del primer dígito (no recomendada para conteos por mesa)',
  'method.integer_percent': 'Porcentajes enteros (Kobak et al.)',
  'method.clean_peak_excess': 'Votos en exceso respecto del pico limpio (Shpilkin)',
  'method.election_fingerprint': 'Huella electoral: participación × porcentaje del ganador (Klimek et al.)',
  'method.klimek_fraud_model': 'Modelo de fraude de la huella electoral (Klimek et al.)',
  'method.rozenas_spikes': 'Picos en porcentajes de voto simples (densidad kernel con remuestreo de Rozenas)',
  'method.finite_mixture': 'Modelo de fraude de mezcla finita (sin fraude / fraude incremental / fraude extremo)',
  'method.margin_curve': 'Curva del margen en el orden de llegada',
  'method.counterfactual_projection': 'Proyección contrafactual de un conteo parcial',
  'method.discontinuity': 'Discontinuidad de los márgenes por mesa en el punto de corte del conteo',
  'method.composition_decomposition': 'Descomposición por composición de un cambio tardío',
  'method.announced_total_consistency': 'Totales anunciados frente a los resultados de las mesas recogidas',
  'method.tally_sheet_agreement':
    'Concordancia con las actas (cifras oficiales frente a una segunda lectura de la misma acta)',
  'method.count_series': 'Curva del conteo y proyección a partir de la serie publicada de totales por región',
  'method.persistence': 'Persistencia de las unidades señaladas entre elecciones (diferencia en diferencias)',
  'method.discontinuity_fixed_effects':
    'Discontinuidad de los márgenes por mesa en el punto de corte del conteo, con efectos fijos de {level}',

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

  'cli.not_run': 'no ejecutado: {method}: {reason}',
  'cli.wrote': 'Se escribieron {json} y {html} en {seconds} s.',
  'cli.latecount.title': 'Análisis del conteo tardío: {election}, corte en {cutoff}',
  'cli.latecount.margin': 'Margen seguido: {a} menos {b}, en puntos del denominador oficial',
  'cli.latecount.counted':
    'Contadas en el corte: {counted} de {stations} mesas ({countedPct}), el {registeredPct} de los electores inscritos',
  'cli.latecount.margins':
    'Margen de las mesas contadas {counted}; final {final}; cambio tardío {shift} (solo las mesas tardías: {late})',
  'cli.latecount.projection':
    'Proyección desde las mesas contadas ({sims} simulaciones, regla {rule}, escala {scale}, áreas con al menos {minDonors} contadas): mediana {median}, intervalo del 95 % [{lo}; {hi}]; igual o superior a {threshold} en el {share} de las simulaciones',
  'cli.latecount.projection_actual':
    'final real {actual} ({gap} respecto de la mediana); mesas proyectadas por área: {levels}',
  'cli.latecount.discontinuity':
    'Discontinuidad en la posición {cutoff}: salto de {jump} puntos (EE {se}), ancho de banda {bandwidth}; valor p {p}, {basis}',
  'cli.latecount.p_placebo':
    'según los cortes placebo: {share} de {n} tienen un salto igual de grande (el valor p asintótico, {asymptotic}, es demasiado pequeño cuando las áreas informan en bloque)',
  'cli.latecount.p_asymptotic': 'asintótico (sin cortes placebo)',
  'cli.latecount.fixed_effects': 'con efectos fijos de {level}: {jump} (EE {se})',
  'cli.latecount.composition':
    'Composición: si las mesas tardías votaran como las tempranas de su propio {level}, explicarían el {share} del cambio tardío',
  'cli.latecount.other':
    'con {name} en los mismos sitios ({early} mesas tempranas y {late} tardías emparejadas): se explica el {share} de la diferencia entre tardías y tempranas emparejadas',
  'cli.latecount.snapshot':
    'Instantánea frente al final: cambiaron {changed} de {common} mesas comunes; totales {totals}',
  'cli.latecount.none': 'ninguno',
  'cli.latecount.not_run': '{what}: no ejecutado ({reason})',
  'cli.latecount.what_projection': 'Proyección',
  'cli.latecount.what_discontinuity': 'Discontinuidad',
  'cli.latecount.what_composition': 'Composición',
  'cli.latecount.what_snapshot': 'Comparación de instantáneas',
  'cli.latecount.footer':
    'Un cambio tardío por sí solo no demuestra manipulación: las mesas tardías suelen ser rurales o remotas y votan de otro modo (Bolivia 2020 es el control negativo). Véase docs/methods/latecount.md.',
  'cli.count': '{n}',
  'cli.warning': 'advertencia: {text}',

  'cli.run.header':
    'bootstrap: {replicates} réplicas, semilla {seed}, intervalos de percentiles al {level}; p(BH): Benjamini-Hochberg sobre todas las celdas de abajo',
  'cli.run.col_target': 'objetivo',
  'cli.run.col_method': 'método',
  'cli.run.col_statistic': 'estadístico',
  'cli.run.col_interval': 'intervalo',
  'cli.run.warned': '{n} celda(s) marcadas con ! tienen advertencias; --json las enumera.',
  'cli.run.skipped': '{n} celda(s) omitidas (muy pocas mesas o datos degenerados); --json las enumera.',
  'cli.run.footer':
    'Son estadísticos, no veredictos: cada página de método en docs/methods enumera explicaciones inocentes.',
  'cli.summary.totals':
    'mesas {stations}  inscritos {registered}  papeletas emitidas {ballots}  participación {turnout}',
  'cli.summary.shares_valid': 'porcentajes de los votos válidos:',
  'cli.summary.shares_found': 'porcentajes de las papeletas en las urnas (válidas + nulas):',
  'cli.summary.margin': 'margen {a} − {b}: {points} puntos',
  'cli.summary.warnings': '{n} advertencia(s) de validación: ejecute `tally validate` para verlas.',
  'cli.validate.totals':
    '{file}: {rows} filas, {stations} mesas leídas, {excluded} filas excluidas; {errors} error(es), {warnings} advertencia(s)',
  'cli.validate.more': '… {n} más de {rule} ({level})',
  'cli.rows': '{file}: {rows} filas = {analysed} analizadas + {excluded} excluidas{reasons}',
  'cli.rows.refused':
    '{file}: {n} fila(s) con errores; corríjalas o deje esas filas fuera con --exclude-invalid (`tally validate` las lista todas)',

  'method_summary.second_digit_benford':
    'Media del segundo dígito de los conteos por mesa frente a la ley de Benford (4,187); las desviaciones pueden deberse a manipulación o a tamaños de mesa agrupados y al voto estratégico.',
  'method_summary.last_digit':
    'Uniformidad del último dígito de los conteos por mesa; las desviaciones sugieren cifras hechas a mano, o simplemente muchos conteos pequeños.',
  'method_summary.c05s':
    'Proporción de conteos por mesa terminados en 0 o 5 (se espera 0,2); un exceso sugiere redondeo, o muchos conteos iguales a cero.',
  'method_summary.p05s':
    'Proporción de mesas cuya participación o porcentaje en puntos enteros termina en 0 o 5 (se espera 0,2); un exceso sugiere cifras fijadas a metas redondas.',
  'method_summary.skew_kurtosis':
    'Forma de la distribución de la participación o del porcentaje (asimetría de momentos, curtosis de Pearson); descriptiva, sin prueba.',
  'method_summary.dip_test':
    'Prueba si la participación o un porcentaje tiene más de una moda; una segunda moda es compatible con un grupo de mesas con relleno de urnas, y también con dos tipos de lugares.',
  'method_summary.turnout_share_correlation':
    'Correlación de Pearson entre la participación y el porcentaje del candidato; los valores positivos son compatibles con relleno de urnas, y también con una movilización diferencial.',
  'method_summary.sobyanin_sukhovolsky':
    'Pendiente de los votos por elector inscrito respecto de la participación, menos el porcentaje medio; positiva cuando el candidato gana más que su porcentaje de la participación adicional (relleno de urnas o movilización diferencial).',
  'method_summary.first_digit_benford':
    'Primeros dígitos de los conteos por mesa frente a la ley de Benford; los conteos honestos suelen incumplirla, así que un rechazo dice poco.',
  'method_summary.integer_percent':
    'Más mesas de las que permite el azar binomial registran una participación o un porcentaje del líder en número entero; las cifras escritas para alcanzar una meta dejan esta huella, pero también el redondeo al digitar los datos.',
  'method_summary.clean_peak_excess':
    'Votos del líder por encima de lo que predice la razón líder/otros en el pico limpio de participación; positivo cuando se añadieron papeletas con participación alta, pero también cuando el apoyo crece de verdad con la participación.',
  'method_summary.election_fingerprint':
    'Histograma bidimensional de las mesas según participación y porcentaje del ganador; una mancha hacia arriba a la derecha o un grupo en 100 %/100 % es el patrón del relleno de urnas, pero comunidades cerradas también pueden llenar esa esquina.',
  'method_summary.klimek_fraud_model':
    'Fracciones de mesas cuya participación y porcentaje del ganador parecen empujados hacia arriba (fraude incremental) o hasta ~100 % (fraude extremo) respecto de un modelo limpio de dos picos; una correlación genuina entre participación y apoyo también las produce.',
  'method_summary.rozenas_spikes':
    'Un exceso de mesas en porcentajes simples (1/2, 3/5, ...) más allá de lo que producen los denominadores pequeños puede indicar resultados escritos a mano; grupos de mesas pequeñas idénticas pueden producirlo de forma inocente.',
  'method_summary.finite_mixture':
    'Una clase de mesas con la participación y los votos del ganador inflados a la vez sugiere votos fabricados o robados; el movimiento conjunto real de participación y apoyo dentro de una región produce el mismo patrón.',
  'method_summary.margin_curve':
    'Cómo se movió el margen a medida que llegaban las mesas; un cambio tardío es lo que se ve cuando las mesas rurales o remotas llegan tarde, así que es una descripción, no una prueba.',
  'method_summary.counterfactual_projection':
    'Proyecta las mesas no contadas a partir de las contadas en la misma área; un margen final fuera de la proyección indica que las mesas tardías difieren de las tempranas cercanas, algo que las mesas remotas o rurales suelen hacer de forma inocente.',
  'method_summary.discontinuity':
    'Un salto de los márgenes por mesa en el punto de corte más allá de la tendencia a cada lado; las regiones que informan por lotes producen tales saltos de forma inocente, como muestran los cortes placebo y la repetición con efectos fijos.',
  'method_summary.announced_total_consistency':
    'Unos totales anunciados que necesitan más votos de los que caben en las mesas que faltan contradicen las actas recogidas; un margen lejos de la proyección dice que las mesas que faltan tendrían que diferir de sus vecinas, algo que una recolección que falló donde un bando no tenía testigos puede explicar sin fraude.',
  'method_summary.composition_decomposition':
    'Cuánto del cambio tardío se explica por dónde están las mesas tardías; una parte sin explicar puede deberse a una geografía más fina, no a manipulación.',
  'method_summary.tally_sheet_agreement':
    'Proporción de actas cuyas cifras oficiales coinciden con una segunda lectura, y si las diferencias favorecen a un candidato más a menudo de lo que haría el azar; errores de lectura asimétricos o correcciones legítimas también pueden producir diferencias en un solo sentido.',
  'method_summary.persistence':
    'Las unidades señaladas que ganaron más para el candidato favorecido que su región, respecto de otra elección, se apartan de la persistencia; cambios locales reales, cambios de límites o un emparejamiento deficiente pueden producir lo mismo.',
  'method.counterfactual_projection_threshold':
    'Proyección contrafactual de un conteo parcial: ¿habrían alcanzado por sí solas las mesas contadas los {threshold} puntos?',
  'effect.projection_threshold': 'proporción de proyecciones con {target} igual o superior a {threshold} puntos',
  'target.projected_margin_at_least': '{target}, margen proyectado >= {threshold}',
  'target.within': '{target}, dentro de cada {level}',
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
  // tally batch merge: index.html
  'batch.title': 'Lote de {jobs} trabajos',
  'batch.counts': '{ok} ejecutados, {failed} fallidos',
  'batch.col_job': 'Trabajo',
  'batch.col_kind': 'Tipo',
  'batch.col_source': 'Entrada',
  'batch.col_status': 'Estado',
  'batch.col_result': 'Qué encontró',
  'batch.col_files': 'Archivos',
  'batch.kind_audit': 'auditoría',
  'batch.kind_run': 'análisis',
  'batch.status_ok': 'ejecutado',
  'batch.status_failed': 'falló (salida {code})',
  'batch.audit_counts':
    '{findings} hallazgos: {consistent} compatibles con la denuncia, {notSupported} no respaldados, {inconclusive} no concluyentes',
  'batch.run_counts':
    '{results} resultados, {tests} con valor p, {below} con valor p ajustado por Benjamini-Hochberg menor que 0,05 (dentro de este trabajo)',
  'batch.findings_link': 'Todos los hallazgos de todos los trabajos, uno por fila: findings.csv',
  'batch.shard_done':
    'Fragmento {shard}: {jobs} de {total} trabajos, {ok} ejecutados, {failed} fallidos; resultados en {out}.',
  'batch.merged':
    'Se unieron {jobs} trabajos ({ok} ejecutados, {failed} fallidos) en {out}: index.json, index.html, findings.csv.',
  'batch.note':
    'Un estadístico no es un veredicto sobre una elección: el informe de cada trabajo enumera las explicaciones inocentes que pueden producir el mismo patrón.',
  'progress.load': 'leyendo {label}',
  'progress.battery': 'batería ({label})',
  'progress.methods': 'ejecutando {label}',
  'progress.analysis': 'análisis: {label}',
  'progress.latecount': 'conteo tardío: {label}',
  'progress.calibrate': 'calibración: {label}',
  'progress.write': 'escribiendo {label}',
  'note.run_regions_elsewhere':
    'Esta página muestra los {shown} hallazgos sobre todas las mesas; los {other} hallazgos por región están en report.json, findings.csv y battery.xlsx, junto a ella.',
  'cli.run.wrote': 'Se escribieron {files}.',
  'cli.run.names_key': 'Nombres completos:',
  'cli.flagged.wrote': 'Se escribieron {n} fila(s) de mesas detrás de los hallazgos en {file}.',
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
  // announced totals (venezuela)
  'family.announced_totals': 'Totales anunciados frente a las actas recogidas',
  'innocent.missing_not_at_random':
    'Las mesas que faltan en la recolección pueden diferir de las recogidas de su zona (la recolección falla donde un bando no tiene testigos); el desplazamiento que necesitarían se da como delta.',
  'innocent.announced_other_stations':
    'El anuncio puede contar mesas que la recolección no puede incluir (exterior, mesas especiales o tardías) u omitir algunas que sí incluye.',
  'innocent.sheet_transcription':
    'Las actas recogidas pueden tener errores de lectura o de transcripción (decodificación del QR, digitación), o algunas pueden no ser auténticas; las pruebas de dígitos y de porcentajes enteros sobre las actas hablan de esto último.',
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
  'scenario.announced_shift':
    '{percent} de los votos pasados del rival al candidato favorecido en los totales anunciados, {missing} de las mesas faltantes al azar (simulado, {stations} mesas)',
  'bottomline.announced_checks.none': 'La aritmética sola no descarta los totales anunciados.',
  'bottomline.announced_checks.some':
    'Si las actas recogidas son auténticas, la aritmética sola descarta los totales anunciados, aun si el anuncio dejó fuera las {allowance} actas recogidas que más pesan: {list}.',
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
  'cli.summary.without_registered':
    '({stations} mesas no tienen conteo de inscritos: los inscritos y la participación las dejan fuera)',
};
