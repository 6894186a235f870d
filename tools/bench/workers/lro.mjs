// A long-lived worker holding one client: the parent sends {id, name, intervalInMs?} over IPC, the
// worker starts an abort-and-wait of cluster `name` at once and answers {id, ok, error?} the moment
// it settles (the parent notes when the answer arrived, on its own clock, the server's).
// Usage: node lro.mjs <kind> <endpoint>
import { createBenchClient } from './clients.mjs';

const [kind, endpoint] = process.argv.slice(2);
const client = await createBenchClient(kind, endpoint);
process.on('message', ({ id, name, intervalInMs }) => {
  client.abort(name, { intervalInMs }).then(
    () => process.send({ id, ok: true }),
    (error) => process.send({ id, ok: false, error: String(error?.message ?? error) }),
  );
});
process.on('disconnect', () => process.exit(0));
process.send({ id: 0, ready: true });
