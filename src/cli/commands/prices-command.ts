import { formatQuantity, Money } from '../../pricing/decimal.js';
import { defaultCatalogue, loadCatalogueFile, regionOrThrow } from '../../pricing/load-catalogue.js';
import { PRICE_KEYS, type PriceKey } from '../../pricing/index.js';
import { ExitCode } from '../exit-codes.js';
import type { CliOutput } from '../output.js';
import { ownValue } from '../../own-key.js';

export interface PricesFlags {
  region?: string;
  catalogue?: string;
  json?: boolean;
}

export async function runPricesCommand(flags: PricesFlags, io: CliOutput): Promise<number> {
  const catalogue = flags.catalogue ? await loadCatalogueFile(flags.catalogue) : defaultCatalogue();
  if (flags.region) regionOrThrow(catalogue, flags.region);
  const regions = flags.region ? [flags.region] : Object.keys(catalogue.regions).sort();
  if (flags.json) {
    const selected = Object.fromEntries(regions.map((r) => [r, ownValue(catalogue.regions, r)]));
    io.out(`${JSON.stringify({ ...catalogue, regions: selected }, null, 2)}\n`);
    return ExitCode.ok;
  }
  const lines = [
    `${catalogue.name} ${catalogue.version}, prices as of ${catalogue.effectiveDate} (${catalogue.currency})`,
    ...(catalogue.description ? [catalogue.description] : []),
  ];
  for (const region of regions) {
    const entry = ownValue(catalogue.regions, region);
    if (!entry) continue;
    lines.push('', `${region}${entry.name ? ` — ${entry.name}` : ''}`);
    for (const key of Object.keys(PRICE_KEYS) as PriceKey[]) {
      const price = ownValue(entry.prices, key);
      const meta = PRICE_KEYS[key];
      if (!price) {
        lines.push(`  ${`${meta.service}, ${meta.item}`.padEnd(62)}  not in catalogue (unpriced)`);
        continue;
      }
      const per = price.per === '1' ? `per ${singular(price.unit)}` : `per ${formatQuantity(new Money(price.per))} ${price.unit}`;
      const amount = price.tiers
        ? price.tiers
            .map((t, i) => {
              const below = i === 0 ? undefined : price.tiers?.[i - 1]?.upTo;
              return `$${t.usd} ${t.upTo === null ? `above ${formatQuantity(new Money(below ?? 0))}` : `${i === 0 ? 'up to' : 'to'} ${formatQuantity(new Money(t.upTo))}`}`;
            })
            .join('; ') +
          (price.tiers.at(-1)?.upTo !== null ? '; unpriced above' : '')
        : `$${price.usd}`;
      const source = ownValue(catalogue.sources, price.source)?.url ?? price.source;
      lines.push(`  ${`${meta.service}, ${meta.item}`.padEnd(62)}  ${amount} ${per}  [${price.confidence ?? '?'}] ${source}`);
    }
  }
  const free = Object.entries(catalogue.freeTier);
  if (free.length > 0) {
    lines.push('', 'Free tier (monthly, per account; applied only with --free-tier or `freeTier: true`):');
    for (const [key, entry] of free) lines.push(`  ${key.padEnd(36)}  ${formatQuantity(new Money(entry.quantity))} ${entry.unit}`);
  }
  io.out(`${lines.join('\n')}\n`);
  return ExitCode.ok;
}

function singular(unit: string): string {
  return unit.endsWith('s') ? unit.slice(0, -1) : unit;
}
