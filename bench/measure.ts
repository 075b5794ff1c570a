/** Runs `work` over `items` repeatedly for at least `minMs`, `rounds` times; returns the median items per second. */
export function itemsPerSecond<T>(
  items: readonly T[],
  work: (item: T) => unknown,
  options: { minMs?: number; rounds?: number } = {},
): number {
  const minMs = options.minMs ?? 1000;
  const rounds = options.rounds ?? 3;
  const warmUpEnd = performance.now() + Math.min(minMs, 500);
  for (const item of items) {
    work(item);
    if (performance.now() > warmUpEnd) break;
  }
  const rates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    let done = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < minMs) {
      work(items[done % items.length]!);
      done++;
      if ((done & 15) === 0 || done < 16) elapsed = performance.now() - start;
    }
    rates.push((done / elapsed) * 1000);
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)]!;
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  baselineName?: string;
  ratio?: number;
  target?: string;
  met?: boolean;
}

export function report(figure: Figure, json: boolean): void {
  if (json) {
    console.log(JSON.stringify(figure));
    return;
  }
  const value = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2));
  let line = `${figure.name.padEnd(44)} ${value(figure.value).padStart(12)} ${figure.unit}`;
  if (figure.baseline !== undefined) {
    const name = figure.baselineName ? ` (${figure.baselineName})` : '';
    line += `   baseline ${value(figure.baseline)}${name}  ratio ${figure.ratio!.toFixed(1)}×`;
  }
  if (figure.target) line += `   target ${figure.target}: ${figure.met ? 'met' : 'MISSED'}`;
  console.log(line);
}
