import { createServer } from 'node:http';
import { nodeListener } from '../../src/server/fetch-adapter.ts';

/** The reference for `bench:referral`: the same server plumbing with a handler that only answers 204. */
const listener = nodeListener(async () => new Response(null, { status: 204 }));
createServer(listener).listen(Number(process.env.PORT), 'localhost', () => console.log('ready'));
