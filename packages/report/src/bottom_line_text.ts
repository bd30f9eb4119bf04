/**
 * The parts of a report that answer the allegation in a journalist's words: the bottom line (each question, its
 * verdict from the findings it rests on, the power at the alleged size, the sensitivity table) and the dispute's
 * replays, with their messages rendered in the report's language. build_report.ts assembles them.
 */
import { type Lang, type Message, renderMessage } from './i18n/index.ts';
import type {
  BottomLine,
  BottomLineAnswer,
  BottomLineInput,
  Finding,
  LocalisedText,
  PowerAtAllegedSize,
  PowerAtAllegedSizeInput,
  Replay,
  ReplayInput,
  Verdict,
} from './model.ts';

/** A message with its text in `lang`, kept beside the message so a renderer can show it in another language. */
export function localise(message: Message, lang: Lang): LocalisedText {
  return { text: renderMessage(message, lang), message };
}

/** A replay with its messages rendered in `lang` and the difference computed. */
export function localiseReplay(replay: ReplayInput, lang: Lang): Replay {
  const { published, reproduced } = replay;
  return {
    id: replay.id,
    title: localise(replay.title, lang),
    published,
    reproduced,
    difference: published.value !== null && reproduced.value !== null ? reproduced.value - published.value : null,
    note: localise(replay.note, lang),
    says: localise(replay.says, lang),
    details: replay.details ?? {},
    plot: replay.plot ?? null,
  };
}

export function localisePower(p: PowerAtAllegedSizeInput, lang: Lang): PowerAtAllegedSize {
  return {
    power: p.power,
    interval: p.interval,
    injections: p.injections,
    scenario: localise(p.scenario, lang),
    ...(p.powerAt3x === undefined ? {} : { powerAt3x: p.powerAt3x }),
  };
}

/**
 * The verdict of a bottom-line answer from the findings it rests on: consistent when any of them is, else not
 * supported when any of them is (a non-rejection with power >= 0.8 at the alleged size), else inconclusive.
 */
export function answerVerdict(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes('consistent_with_allegation')) return 'consistent_with_allegation';
  if (verdicts.includes('not_supported')) return 'not_supported';
  return 'inconclusive';
}

export function buildBottomLine(input: BottomLineInput, findings: readonly Finding[], lang: Lang): BottomLine {
  const answers = input.answers.map((a): BottomLineAnswer => {
    const used = findings.filter((f) => a.findingIds.includes(f.id));
    const verdict = answerVerdict(used.map((f) => f.verdict));
    const answer: Message = {
      key: a.counterClaim ? `bottomline.lead_counter.${verdict}` : `bottomline.lead.${verdict}`,
      params: { detail: { kind: 'message', message: a.detail } },
    };
    return {
      id: a.id,
      question: localise(a.question, lang),
      answer: localise(answer, lang),
      verdict,
      decisive: a.decisive
        ? {
            name: localise(a.decisive.name, lang),
            value: a.decisive.value,
            interval: a.decisive.interval,
            unit: a.decisive.unit,
          }
        : null,
      power: a.power ? localisePower(a.power, lang) : null,
      unexplained: a.unexplained ? localise(a.unexplained, lang) : null,
      findingIds: used.map((f) => f.id),
    };
  });
  return {
    answers,
    sensitivity: input.sensitivity
      ? {
          rows: input.sensitivity.rows.map((r) => ({
            choice: localise(r.choice, lang),
            setting: r.setting,
            values: r.values,
          })),
          spread: input.sensitivity.spread,
        }
      : null,
  };
}
