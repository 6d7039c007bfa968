/**
 * The assumptions a sensitivity analysis varies: every one that applies to the scenario,
 * or those `--only` names. A name that is no assumption, or one that does not apply to
 * this scenario, is the user's mistake and says why. Pure.
 */
import { UserInputError, type InputProblem } from '../errors.js';
import { closestName } from '../input/closest-name.js';
import type { Scenario } from '../scenario/index.js';
import { ASSUMPTION_RANGES, assumptionsFor, type AssumptionRange } from './assumption-ranges.js';

export function selectAssumptions(
  scenario: Scenario,
  only?: readonly string[],
  registry: readonly AssumptionRange[] = ASSUMPTION_RANGES,
): { selected: AssumptionRange[]; notApplicable: AssumptionRange[] } {
  const { applicable, notApplicable } = assumptionsFor(scenario, registry);
  if (only === undefined) return { selected: applicable, notApplicable };
  const problems: InputProblem[] = [];
  const known = [...applicable.map((a) => a.id), ...notApplicable.map((a) => a.id)];
  for (const id of only) {
    if (applicable.some((a) => a.id === id)) continue;
    const inapplicable = notApplicable.find((a) => a.id === id);
    if (inapplicable) {
      problems.push({ field: '--only', message: `${id} does not apply to this scenario: it applies only with ${inapplicable.appliesWhen}`, value: id });
      continue;
    }
    const suggestion = closestName(id, known);
    problems.push({ field: '--only', message: `${id} is not an assumption${suggestion ? `; did you mean \`${suggestion}\`?` : `; choose from ${applicable.map((a) => a.id).join(', ')}`}`, value: id });
  }
  if (problems.length > 0) throw new UserInputError(problems);
  return { selected: applicable.filter((a) => only.includes(a.id)), notApplicable };
}
