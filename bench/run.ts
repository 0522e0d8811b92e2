// `npm run bench`: every benchmark of the project, printed as Markdown (figures and ratios).
// `npm run bench -- ratings intake` runs only the parts named (ratings, intake, detectors,
// quality, truth, platform, console, ui). Record the output in
// BENCHMARKS.md with the command and the machine.
import { cpus, totalmem } from 'node:os';
import { benchDetectors, benchIntake, benchStarRatings } from './core';
import { detectionAgainstTruth } from './detection-truth';
import { detectorQualityReport } from './detector-quality';
import { benchWorstCases } from './detector-worst-case';
import { peakHeapMb, printFigures, printRatio } from './lib';
import { benchPlatform } from './platform';
import { benchConsole } from './console';
import { benchUi, printUi } from './ui';

const PARTS = ['ratings', 'intake', 'detectors', 'quality', 'truth', 'platform', 'console', 'ui'] as const;
const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !(PARTS as readonly string[]).includes(a));
if (unknown.length > 0) {
  console.error(`unknown benchmark part(s): ${unknown.join(', ')}; choose from ${PARTS.join(', ')}`);
  process.exit(2);
}
const wants = (name: (typeof PARTS)[number]) => asked.length === 0 || asked.includes(name);

console.log(`# Benchmarks — node ${process.version}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`);

if (wants('ratings')) {
  const ratings = benchStarRatings();
  printFigures('R1 star ratings', ratings.figures);
  printRatio('one pass vs a rescan per designer (30,000 ratings, 2,000 designers)', ratings.ratio);
}
if (wants('intake')) printFigures('R3/R4 intake', [benchIntake()]);
if (wants('detectors')) {
  printFigures('R12 detectors', benchDetectors());
  printFigures('R12 detectors, worst cases', benchWorstCases());
}
if (wants('ratings') || wants('intake') || wants('detectors')) console.log(`\nresident memory at the end: ${peakHeapMb()} MB`);

if (wants('quality')) {
  console.log('\n## Message detector quality: phrase rules, learned scorer, both\n');
  console.log(detectorQualityReport());
}

if (wants('truth')) {
  console.log('\n## Detection against the generator’s ground truth (medium dataset, seed 42, replayed through the platform)\n');
  console.log(await detectionAgainstTruth());
}

if (wants('platform')) {
  const size = process.env.BENCH_PLATFORM_SIZE ?? 'medium';
  printFigures(`Reference platform (replay of the ${size} log; BENCH_PLATFORM_SIZE=large for the large one)`, await benchPlatform());
}

if (wants('console')) {
  console.log('\n## The console’s Node side (first sync, event loop, queues at 2 million, SSE, outbox)\n');
  console.log(await benchConsole());
}

if (wants('ui')) printUi(await benchUi());
