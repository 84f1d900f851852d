import { describe, expect, it } from 'vitest';
import { defaultSlaSetup, type SlaSetup } from '#shared/domain/ticketDeadlines.ts';
import { targetVerdicts } from '#shared/kpi/kpiTargets.ts';

// docs/kpi.md, "Targets": each figure's verdict at its target and just off it.
type Figures = Parameters<typeof targetVerdicts>[0];
const setup = defaultSlaSetup();
const times = (mean: number | null) => ({ firstContactMinutes: { mean }, resolutionMinutes: { mean } });
function figures(f: {
  emergency: number | null;
  standard: number | null;
  consultation: number | null;
  withoutEscalation: number | null;
  documented: number | null;
  csat: number | null;
  repeats: number | null;
  means: [number | null, number | null, number | null, number | null];
}): Figures {
  return {
    sla: { emergency: { rate: f.emergency }, standard: { rate: f.standard }, consultation: { rate: f.consultation } },
    withoutEscalation: { rate: f.withoutEscalation },
    documented: { rate: f.documented },
    csat: { mean: f.csat },
    repeats: { change: f.repeats },
    byPriority: {
      emergency: { firstContactMinutes: { mean: f.means[0] }, resolutionMinutes: { mean: f.means[1] } },
      standard: times(f.means[2]),
      consultation: times(f.means[3]),
    },
  } as unknown as Figures;
}

describe('the verdict of each figure against its target', () => {
  it('met at the target itself (the means: just under their deadlines)', () => {
    const atTarget = figures({
      emergency: 1,
      standard: 0.95,
      consultation: 0.95,
      withoutEscalation: 0.85,
      documented: 1,
      csat: 4.5,
      repeats: -0.1,
      means: [14.9, 239.9, 1439.9, 2879.9],
    });
    expect(targetVerdicts(atTarget, setup)).toEqual({
      'sla.emergency.rate': 'met',
      'sla.standard.rate': 'met',
      'sla.consultation.rate': 'met',
      'withoutEscalation.rate': 'met',
      'documented.rate': 'met',
      'csat.mean': 'met',
      'repeats.change': 'met',
      'firstContactMinutes.emergency.mean': 'met',
      'resolutionMinutes.emergency.mean': 'met',
      'resolutionMinutes.standard.mean': 'met',
      'resolutionMinutes.consultation.mean': 'met',
    });
  });

  it('missed just off it (the means: at their deadlines)', () => {
    const justOff = figures({
      emergency: 0.999,
      standard: 0.949,
      consultation: 0.949,
      withoutEscalation: 0.849,
      documented: 0.999,
      csat: 4.49,
      repeats: -0.099,
      means: [15, 240, 1440, 2880],
    });
    expect(Object.values(targetVerdicts(justOff, setup))).toEqual(Array(11).fill('missed'));
  });

  it('none without a figure', () => {
    const none = figures({
      emergency: null,
      standard: null,
      consultation: null,
      withoutEscalation: null,
      documented: null,
      csat: null,
      repeats: null,
      means: [null, null, null, null],
    });
    expect(Object.values(targetVerdicts(none, setup))).toEqual(Array(11).fill(null));
  });

  it('no first-contact verdict for a policy without one, no resolution verdict for a calendar-clock target', () => {
    const p = setup.policies;
    const edited: SlaSetup = {
      ...setup,
      policies: {
        ...p,
        emergency: { ...p.emergency, firstContact: null },
        standard: { ...p.standard, resolution: { ...p.standard.resolution, target: { minutes: 1440, clock: 'calendar' } } },
      },
    };
    const f = figures({
      emergency: 1,
      standard: 1,
      consultation: 1,
      withoutEscalation: 1,
      documented: 1,
      csat: 5,
      repeats: -1,
      means: [1, 1, 1, 1],
    });
    const verdicts = targetVerdicts(f, edited);
    expect(Object.keys(verdicts).filter((k) => k.includes('Minutes'))).toEqual([
      'resolutionMinutes.emergency.mean',
      'resolutionMinutes.consultation.mean',
    ]);
  });
});
