"""Builds the derived files of examples/honduras-2025 from the two source files shipped beside them.

Run from examples/honduras-2025:  python3 provenance/build_files.py
Reads hn2025_presidential_actas.csv.gz and hn2025_presidential_count_timeseries.csv.gz (see PROVENANCE.md) and writes:
  jrv_cne_2025-12-09_0300.csv.gz   the CNE count per JRV at the 9 Dec 03:00 cut: JRVs with a CNE record that the cut
                                   had counted (count phases 1 and 2); the 2,824 phase-3 JRVs, all zero at the cut, and
                                   the 36 JRVs with no CNE record are left out (they add nothing to the totals)
  jrv_final_reconstructed.csv.gz   every JRV whose votes are known: the CNE count at the cut for phases 1-2, the acta
                                   transcription for phase 3 where it passes its own arithmetic check; with the phase
                                   as arrival rank and the transcription of phases 1-2 as a second reading
  departments_2025-12-24_0958.csv  the last state of the count series per department (forward-filled)
Standard library only, so the output is byte-identical on every run (gzip mtime 0).
"""
import csv
import gzip
import io

PARTIES = ['DC', 'LIBRE', 'PINU', 'PLH', 'PNH']
PHASE_RANK = {
    '1_published_ok_by_2025-12-05': 1,
    '2_counted_by_cut_2025-12-09_0300': 2,
    '3_zero_at_cut_2025-12-09_0300_counted_later': 3,
}


def write_gz(path, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator='\n')
    w.writerow(header)
    w.writerows(rows)
    with open(path, 'wb') as f:
        with gzip.GzipFile(filename='', mode='wb', fileobj=f, mtime=0) as g:
            g.write(buf.getvalue().encode('utf-8'))


def main():
    rows = list(csv.DictReader(gzip.open('hn2025_presidential_actas.csv.gz', 'rt', encoding='utf-8')))
    geo = ['jrv', 'department', 'municipality', 'center']
    snap, final = [], []
    left_out = {'no_cne_record': 0, 'phase3_no_clean_transcription': 0}
    for r in rows:
        phase = PHASE_RANK.get(r['count_phase'])
        if phase is None:
            left_out['no_cne_record'] += 1
            continue
        cne = [r['cne_' + p.lower()] for p in PARTIES]
        # A ballots-received figure of 0 on a sheet with votes is a field the transcription did not read: left empty.
        received = '' if r['ocr_ballots_received'] == '0' else r['ocr_ballots_received']
        sheet = [r['ocr_' + p.lower()] for p in PARTIES] + [r['ocr_blank'], r['ocr_null'], r['ocr_grand_total'], received]
        g = [r['jrv'], r['department'], r['municipality'], r['center']]
        if phase < 3:
            snap.append(g + cne)
            final.append(g + cne + [phase, 'cne_2025-12-09_0300'] + sheet)
        elif r['ocr_has_record'] == '1' and r['ocr_check_error'] == '':
            ocr = [r['ocr_' + p.lower()] for p in PARTIES]
            # The transcription is the official-side figure here, so there is no independent second reading.
            final.append(g + ocr + [phase, 'transcription'] + [''] * len(sheet))
        else:
            left_out['phase3_no_clean_transcription'] += 1
    write_gz('jrv_cne_2025-12-09_0300.csv.gz', geo + PARTIES, snap)
    sheet_cols = ['sheet_' + p for p in PARTIES] + ['sheet_blank', 'sheet_null', 'sheet_total', 'sheet_ballots_received']
    write_gz('jrv_final_reconstructed.csv.gz', geo + PARTIES + ['count_phase', 'votes_source'] + sheet_cols, final)

    series = list(csv.DictReader(gzip.open('hn2025_presidential_count_timeseries.csv.gz', 'rt', encoding='utf-8')))
    last = max(r['scrape_local'] for r in series)
    state = {}
    for r in sorted(series, key=lambda r: r['scrape_local']):
        if r['dept_code'] != '00':
            state[r['dept_code']] = r
    dept_rows = []
    for code in sorted(state):
        r = state[code]
        dept_rows.append([code, r['department'], r['scrape_local']] + [r['votes_' + p.lower()] for p in PARTIES])
    with open('departments_2025-12-24_0958.csv', 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['dept_code', 'department', 'state_of'] + PARTIES)
        w.writerows(dept_rows)
    national = [r for r in series if r['scrape_local'] == last and r['dept_code'] == '00'][0]
    for i, p in enumerate(PARTIES):
        s = sum(int(d[3 + i]) for d in dept_rows)
        assert s == int(national['votes_' + p.lower()]), (p, s, national['votes_' + p.lower()])
    print('snapshot rows', len(snap), 'final rows', len(final), 'left out', left_out, 'last state', last)


main()
