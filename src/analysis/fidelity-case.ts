/**
 * One case of the fidelity suite: a published measurement of a real Distributed Map run
 * (source, the sentence that states it, the band of the metric that counts as agreeing),
 * the scenario that reproduces its workload, every value the source did not give and
 * had to be assumed, and whether the case was used to fit a parameter (role `fit`) or
 * only to check the model (role `validation`). Cases live in test/fidelity/cases/.
 */
import { z } from 'zod';

export const fidelityCaseSchema = z.strictObject({
  id: z.string().regex(/^PM-\d{2}$/, 'must be a measurement id such as PM-11 (docs/research/published-measurements.md)'),
  title: z.string().min(1),
  source: z.string().min(1).describe('URL and section of the publication.'),
  measured: z.string().min(1).describe('The published sentence, quoted.'),
  metric: z.enum(['wallTimeSeconds', 'costUsd']),
  band: z.tuple([z.number().min(0), z.number().min(0)]).refine(([low, high]) => high >= low, 'the band must be [low, high] with high ≥ low'),
  bandWhy: z.string().min(1).describe('How the band was read from the published sentence.'),
  role: z.enum(['fit', 'validation']),
  fits: z.array(z.string().min(1)).default([]).describe('Scenario fields this case was used to fit (role fit).'),
  assumptions: z.array(z.string().min(1)).default([]).describe('Every workload value the source does not give, with why.'),
  scenario: z.record(z.string(), z.unknown()).describe('A complete scenario, validated as a scenario file is.'),
});

export type FidelityCase = z.output<typeof fidelityCaseSchema>;
