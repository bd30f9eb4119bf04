/** Spanish messages of the command line: terminal summaries, batch runs, progress lines (spread into es.ts). */
import type { enCli } from './en_cli.ts';

export const esCli: Record<keyof typeof enCli, string> = {
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
  // tally map
  'cli.map.note': 'nota: {text}',
  'cli.map.station_unique': 'id de mesa: "{column}" (único por sí solo en este archivo)',
  'cli.map.check':
    'comprobación: {rows} filas, {stations} mesas, {candidates} candidatos; {errors} error(es), {warnings} advertencia(s) (tally validate los enumera)',
  'cli.map.check_failed': 'comprobación: el archivo todavía no se carga con esta asignación de columnas: {reason}',
  'cli.map.wrote': 'se escribió {out}; revíselo y luego: tally validate {file} --map {out}',
  'cli.map.yaml_header':
    'Sugerido por `tally map` a partir del encabezado de {source}. Revise el papel de cada columna antes de usarlo.',
  'cli.map.column': '"{column}"',
  'cli.map.suggest.station_named': 'id de mesa: "{column}" (su nombre indica que identifica una mesa por sí solo)',
  'cli.map.suggest.station_within_regions': 'id de mesa: "{column}" dentro de sus regiones, unido con " / "',
  'cli.map.suggest.station_within_file': 'id de mesa: "{column}" dentro del archivo, unido con " / "',
  'cli.map.suggest.station_guess':
    'id de mesa: ninguna columna se llama así; "{column}", la primera columna, es una suposición',
  'cli.map.suggest.registered_none': 'inscritos: ninguna columna se llama así; sustituya el valor provisional',
  'cli.map.suggest.registered': 'inscritos: "{column}"',
  'cli.map.suggest.ballots_none':
    'papeletas emitidas: no hay columna; la participación usa las papeletas en las urnas (válidos + blancos + nulos)',
  'cli.map.suggest.ballots': 'papeletas emitidas: {columns}',
  'cli.map.suggest.valid_candidates': 'votos válidos: la suma de los candidatos',
  'cli.map.suggest.valid': 'votos válidos: "{column}"',
  'cli.map.suggest.candidates': 'candidatos: {n} columna(s) de conteos sin otro uso',
  'cli.map.suggest.ignored': 'omitidas: {n} columna(s) de texto u otras líneas del acta',
  'cli.map.suggest.shares_valid':
    'porcentajes: de los votos válidos ("shareOf": "valid"); use "ballots_found" si la autoridad divide entre todas las papeletas',
  'cli.map.suggest.shares_found':
    'porcentajes: de las papeletas en las urnas (válidas + nulas), como los publica la CIK de Rusia; use "valid" para porcentajes de los votos válidos',

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
  'cli.run.wrote': 'Se escribieron {files}.',
  'cli.run.names_key': 'Nombres completos:',
  'cli.flagged.wrote': 'Se escribieron {n} fila(s) de mesas detrás de los hallazgos en {file}.',
  'cli.summary.without_registered':
    '({stations} mesas no tienen conteo de inscritos: los inscritos y la participación las dejan fuera)',
};
