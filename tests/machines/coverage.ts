import { createActor, type AnyEventObject, type AnyMachineSnapshot, type AnyStateMachine, type AnyStateNode } from 'xstate';
import { getShortestPaths } from 'xstate/graph';

/**
 * Model-based coverage: `xstate/graph` finds the shortest path to every distinct state of a chart
 * (for each of several inputs); each path is then replayed in a real actor whose inspector records
 * every transition taken. A chart is covered when every state node was entered and every transition
 * it defines was taken.
 */
export type Scenario = { name: string; input?: unknown };

export type Coverage = {
  paths: number;
  states: { all: string[]; reached: string[]; missed: string[] };
  transitions: { all: number; taken: number; missed: string[] };
};

/** Every state node of a chart, depth first. */
export function stateNodes(node: AnyStateNode): AnyStateNode[] {
  return [node, ...Object.values(node.states as Record<string, AnyStateNode>).flatMap(stateNodes)];
}

type TransitionDefinition = { source: AnyStateNode; eventType: string; target?: AnyStateNode[] | undefined };

/** Every transition a chart defines: on events, after "always", and on invoked actors finishing. */
export function transitionsOf(machine: AnyStateMachine): TransitionDefinition[] {
  return stateNodes(machine.root).flatMap((node) => [
    ...[...(node.transitions as Map<string, TransitionDefinition[]>).values()].flat(),
    ...((node.always as TransitionDefinition[] | undefined) ?? []),
  ]);
}

export function describeTransition(transition: TransitionDefinition): string {
  const targets = transition.target?.map((target) => target.id).join(',') ?? '(self)';
  return `${transition.source.id} --${transition.eventType || '(always)'}--> ${targets}`;
}

export function measureCoverage(
  machine: AnyStateMachine,
  options: {
    scenarios: Scenario[];
    events: (snapshot: AnyMachineSnapshot) => AnyEventObject[];
    serialize: (snapshot: AnyMachineSnapshot) => string;
  },
): Coverage {
  const reached = new Set<string>();
  const taken = new Set<unknown>();
  let pathCount = 0;
  // The active state nodes of a snapshot (XState keeps them as `_nodes`).
  const record = (snapshot: AnyMachineSnapshot) => {
    for (const node of (snapshot as unknown as { _nodes: AnyStateNode[] })._nodes) reached.add(node.id);
  };
  let scenario: Scenario = { name: '' };
  /** Runs the events in a fresh actor, recording what it passes through; returns where it ends. */
  const replay = (events: AnyEventObject[]): AnyMachineSnapshot => {
    const actor = createActor(machine, {
      input: scenario.input,
      inspect: (inspection) => {
        const event = inspection as unknown as { type: string; rootId: string; actorRef: { sessionId: string }; _transitions?: unknown[]; snapshot?: AnyMachineSnapshot };
        // Only the chart under test, not the actors it invokes.
        if (event.type !== '@xstate.microstep' || event.actorRef.sessionId !== event.rootId) return;
        for (const transition of (event._transitions ?? []) as TransitionDefinition[]) {
          taken.add(transition);
          // A transition fires from its source, so the source was active (even a state left at once).
          reached.add(transition.source.id);
        }
        // Microsteps include the states passed through on the way ("always" transitions).
        if (event.snapshot) record(event.snapshot);
      },
    });
    actor.subscribe({ error: () => {} });
    actor.start();
    record(actor.getSnapshot());
    for (const event of events) {
      if (actor.getSnapshot().status !== 'active') break;
      actor.send(event);
      record(actor.getSnapshot());
    }
    const end = actor.getSnapshot();
    actor.stop();
    return end;
  };
  for (scenario of options.scenarios) {
    const paths = getShortestPaths(machine, {
      input: scenario.input,
      events: options.events as never,
      serializeState: ((snapshot: AnyMachineSnapshot) => options.serialize(snapshot)) as never,
    });
    pathCount += paths.length;
    // Each shortest path reaches one state; from there, every event the model offers is tried once,
    // so every transition out of every reachable state gets its chance.
    for (const path of paths) {
      const events = path.steps.map((step) => step.event as AnyEventObject).filter((event) => event.type !== 'xstate.init');
      const end = replay(events);
      for (const next of options.events(end)) replay([...events, next]);
    }
  }
  const all = stateNodes(machine.root).map((node) => node.id);
  const transitions = transitionsOf(machine);
  return {
    paths: pathCount,
    states: { all, reached: all.filter((id) => reached.has(id)), missed: all.filter((id) => !reached.has(id)) },
    transitions: {
      all: transitions.length,
      taken: transitions.filter((transition) => taken.has(transition)).length,
      missed: transitions.filter((transition) => !taken.has(transition)).map(describeTransition),
    },
  };
}
