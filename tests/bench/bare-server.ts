import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';

/** The reference for `bench:referral`: the same adapter (@hono/node-server) with a handler that only answers 204. */
const listener = getRequestListener(async () => new Response(null, { status: 204 }));
createServer(listener).listen(Number(process.env.PORT), 'localhost', () => console.log('ready'));
