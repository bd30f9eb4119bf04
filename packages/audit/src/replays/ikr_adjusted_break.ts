/**
 * Replay `ikr_adjusted_break`: the OAS break re-fitted as Idrobo, Kronick & Rodríguez argue it should be (Journal of
 * Politics 2022; SSRN 3621475): on the true time order, with rurality x department fixed effects and then recinto
 * fixed effects, so the late shift that rurality and region explain is not read as a jump
 * (docs/methods/ikr_adjusted_break.md).
 */
import type { Factor } from '@tally/core';
import type { ReplayInput } from '@tally/report';
import { categoryAttribute, type ReplayContext, regionLevel } from './context.ts';
import { breakDetails } from './oas_trend_break.ts';
import {
  BREAK_AT,
  countPosition,
  denseFactor,
  fitBreak,
  reproducedJump,
  signedPoints,
  timedActas,
  unpublishedJump,
} from './trend_break.ts';

export const IKR_SOURCE =
  'Idrobo, Kronick & Rodríguez, "Do Shifts in Late-Counted Votes Signal Fraud? Evidence from Bolivia", Journal of Politics 84(4), 2022 (SSRN 3621475): the break disappears once times are ordered correctly and rurality and region are controlled';

export function ikrAdjustedBreak(ctx: ReplayContext): ReplayInput {
  const e = ctx.timed;
  const rival = e.rival!;
  const actas = timedActas(e, rival);
  const position = countPosition(actas, 'chronological');
  const department = regionLevel(e, 'department');
  const rurality = categoryAttribute(e, 'urban_rural');
  const cell = Array.from(
    actas.rows,
    (i) => `${department.labels[department.codes[i]]}|${rurality.labels[rurality.codes[i]]}`,
  );
  const ruralDepartment: Factor = denseFactor('rurality_x_department', cell);
  const plain = fitBreak(actas, position);
  const controlled = fitBreak(actas, position, [ruralDepartment]);
  const withRecinto = fitBreak(actas, position, [ruralDepartment, actas.recinto]);
  return {
    id: 'ikr_adjusted_break',
    title: { key: 'replay.ikr_adjusted_break.title' },
    published: unpublishedJump(IKR_SOURCE),
    reproduced: reproducedJump(withRecinto),
    note: {
      key: 'replay.ikr_adjusted_break.note',
      params: {
        cells: { kind: 'count', value: ruralDepartment.count },
        controlled: signedPoints(controlled.jump.estimate),
        plain: signedPoints(plain.jump.estimate),
      },
    },
    says: {
      key: 'replay.ikr_adjusted_break.says',
      params: {
        plain: signedPoints(plain.jump.estimate),
        controlled: signedPoints(controlled.jump.estimate),
        recinto: signedPoints(withRecinto.jump.estimate),
        low: signedPoints(withRecinto.jump.low),
        high: signedPoints(withRecinto.jump.high),
      },
    },
    details: {
      breakAt: BREAK_AT,
      noControls: breakDetails(plain),
      ruralityByDepartment: breakDetails(controlled),
      ruralityByDepartmentAndRecinto: breakDetails(withRecinto),
    },
    plot: {
      kind: 'break_estimates',
      unit: 'points of margin',
      rows: [
        { label: 'no controls', estimate: plain.jump.estimate, low: plain.jump.low, high: plain.jump.high },
        {
          label: 'rurality x department FE',
          estimate: controlled.jump.estimate,
          low: controlled.jump.low,
          high: controlled.jump.high,
        },
        {
          label: '+ recinto FE',
          estimate: withRecinto.jump.estimate,
          low: withRecinto.jump.low,
          high: withRecinto.jump.high,
        },
      ],
    },
  };
}
