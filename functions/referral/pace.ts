/**
 * How long deliveries take here, so that caught bots can be answered after a wait as long as a real
 * delivery: a quick answer would tell them they were caught. It follows the recent median, with jitter.
 */
export type Pace = { record(ms: number): void; wait(): Promise<void> };

export function deliveryPace(initialMs = 150): Pace {
  const recent: number[] = [];
  let typical = initialMs;
  return {
    record(ms) {
      recent.push(ms);
      if (recent.length > 50) recent.shift();
      typical = [...recent].sort((a, b) => a - b)[Math.floor(recent.length / 2)] ?? initialMs;
    },
    wait: () => new Promise((resolve) => setTimeout(resolve, typical * (0.8 + Math.random() * 0.4))),
  };
}
