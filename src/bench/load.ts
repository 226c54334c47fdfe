// The load generator of `vigil bench --api`, run as its own process so that it does not share
// the server's event loop: `clients` loops, each sending the request mix in turn until time is
// up, then the latencies (ms) per request kind go back to the parent over IPC.
const [url, token, clientsText, secondsText, requestsJson] = process.argv.slice(2);
const requests = Object.entries(JSON.parse(requestsJson!) as Record<string, string>);
const deadline = performance.now() + Number(secondsText) * 1000;
const latencies = new Map<string, number[]>(requests.map(([name]) => [name, []]));

async function client(offset: number): Promise<void> {
  for (let i = offset; performance.now() < deadline; i++) {
    const [name, path] = requests[i % requests.length]!;
    const started = performance.now();
    const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    latencies.get(name)!.push(performance.now() - started);
  }
}

await Promise.all(Array.from({ length: Number(clientsText) }, (_, i) => client(i)));
process.send!([...latencies].map(([request, values]) => ({ request, latencies: values })));
process.disconnect();
