/** Spanish names and summaries of the methods, their families and the innocent explanations of a finding (spread into es.ts). */
import type { enMethods } from './en_methods.ts';

export const esMethods: Record<keyof typeof enMethods, string> = {
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
  // announced totals (venezuela)
  'family.announced_totals': 'Totales anunciados frente a las actas recogidas',
  'innocent.missing_not_at_random':
    'Las mesas que faltan en la recolección pueden diferir de las recogidas de su zona (la recolección falla donde un bando no tiene testigos); el desplazamiento que necesitarían se da como delta.',
  'innocent.announced_other_stations':
    'El anuncio puede contar mesas que la recolección no puede incluir (exterior, mesas especiales o tardías) u omitir algunas que sí incluye.',
  'innocent.sheet_transcription':
    'Las actas recogidas pueden tener errores de lectura o de transcripción (decodificación del QR, digitación), o algunas pueden no ser auténticas; las pruebas de dígitos y de porcentajes enteros sobre las actas hablan de esto último.',
};
