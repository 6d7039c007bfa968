/**
 * One case of the fidelity suite: a published measurement of a real Distributed Map run
 * (source, the sentence that states it, the band of the metric that counts as agreeing),
 * the scenario that reproduces its workload, every value the source did not give and
 * had to be assumed, and whether the case was used to fit a parameter (role `fit`) or
 * only to check the model (role `validation`). Cases live in test/fidelity/cases/.
 */
import { z } from 'zod';

export const fidelityCaseSchema = z.strictObject({
  id: z.string().regex(/^PM-\d{2}[a-z]?$/, 'must be a measurement id such as PM-11, or PM-02b for a second reading of one measurement (docs/research/published-measurements.md)'),
  title: z.string().min(1),
  source: z.string().min(1).describe('URL and section of the publication.'),
  measured: z.string().min(1).describe('The published sentence, quoted.'),
  metric: z
    .enum(['wallTimeSeconds', 'costUsd', 'itemsReadSeconds'])
    .describe('What the band is of: the Map Run\'s wall time, its cost, or the time its last item was read (from the Map Run\'s start).'),
  band: z.tuple([z.number().min(0), z.number().min(0)]).refine(([low, high]) => high >= low, 'the band must be [low, high] with high ≥ low'),
  bandWhy: z.string().min(1).describe('How the band was read from the published sentence.'),
  role: z.enum(['fit', 'validation']),
  fits: z.array(z.string().min(1)).default([]).describe('Scenario fields this case was used to fit (role fit).'),
  fit: z
    .strictObject({
      path: z.string().min(1).describe('Dotted scenario field fitted by bisection: its value is searched so that the predicted P50 equals the target.'),
      targetP50: z.number().positive().describe('The published figure the predicted P50 is fitted to.'),
      range: z.tuple([z.number().positive(), z.number().positive()]).describe('Values searched, low to high (geometrically).'),
    })
    .optional()
    .describe('A numeric fit the suite recomputes on every run, so a default that drifts from its evidence shows.'),
  note: z.string().min(1).optional().describe('How the fit was made, or why a miss is a miss.'),
  assumptions: z.array(z.string().min(1)).default([]).describe('Every workload value the source does not give, with why.'),
  scenario: z.record(z.string(), z.unknown()).describe('A complete scenario, validated as a scenario file is.'),
});

export type FidelityCase = z.output<typeof fidelityCaseSchema>;
