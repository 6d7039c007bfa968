import { catalogueSchema, type PriceCatalogue } from '../../src/pricing/index.js';

/** A small catalogue with hand-checkable prices, independent of the shipped one. */
export const FIXTURE_CATALOGUE: PriceCatalogue = catalogueSchema.parse({
  name: 'fixture',
  version: '1',
  effectiveDate: '2025-01-01',
  currency: 'USD',
  sources: { page: { url: 'https://example.com/prices' } },
  freeTier: {
    'lambda.request': { quantity: '1000000', unit: 'requests', period: 'month', source: 'page' },
    'lambda.duration': { quantity: '400000', unit: 'GB-seconds', period: 'month', source: 'page' },
    'stepFunctions.standard.transition': { quantity: '4000', unit: 'state transitions', period: 'month', source: 'page' },
  },
  regions: {
    'us-east-1': {
      prices: {
        'stepFunctions.standard.transition': { usd: '0.025', per: '1000', unit: 'state transitions', source: 'page' },
        'lambda.request': { usd: '0.20', per: '1000000', unit: 'requests', source: 'page' },
        'lambda.duration.x86_64': {
          tiers: [
            { upTo: '6000000000', usd: '0.0000166667' },
            { upTo: '15000000000', usd: '0.0000150000' },
            { upTo: null, usd: '0.0000133334' },
          ],
          unit: 'GB-seconds',
          source: 'page',
        },
        's3.request.putCopyPostList': { usd: '0.005', per: '1000', unit: 'requests', source: 'page' },
        's3.request.getSelectOther': { usd: '0.0004', per: '1000', unit: 'requests', source: 'page' },
      },
    },
    'eu-west-3': { prices: { 'lambda.request': { usd: '0.20', per: '1000000', unit: 'requests', source: 'page' } } },
  },
});
