// Preloaded (`node --import`) into the fuzzed and chaos runs: writes the process's peak resident
// memory in KB (worker threads included) to $VIGIL_PEAK_RSS_FILE when it exits.
import { writeFileSync } from 'node:fs';

const file = process.env.VIGIL_PEAK_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
