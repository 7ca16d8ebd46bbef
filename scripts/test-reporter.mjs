// Reporter for node's test runner: one line per test, failures in full, and a last line
// `tests: N passed, N failed` that CI reads.
export default async function* reporter(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const failures = [];
  for await (const event of source) {
    const { type, data } = event;
    if (type !== 'test:pass' && type !== 'test:fail') {
      if (
        type === 'test:diagnostic' &&
        data.nesting === 0 &&
        /^(tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) /.test(data.message)
      )
        continue;
      continue;
    }
    const isSuite = data.details?.type === 'suite';
    const indent = '  '.repeat(data.nesting);
    const ms =
      data.details?.duration_ms === undefined
        ? ''
        : ` (${Math.round(data.details.duration_ms)} ms)`;
    if (type === 'test:pass') {
      if (data.skip || data.todo) {
        skipped++;
        yield `${indent}- ${data.name} (skipped)\n`;
      } else if (isSuite) {
        yield `${indent}${data.name}\n`;
      } else {
        passed++;
        yield `${indent}✔ ${data.name}${ms}\n`;
      }
    } else {
      const error = data.details?.error;
      // A suite fails when a hook or a child fails; count the hook failure, not the suite twice.
      const ownFailure = !isSuite || error?.failureType === 'hookFailed';
      if (ownFailure) {
        failed++;
        failures.push({ name: data.name, file: data.file, error });
      }
      yield `${indent}✖ ${data.name}${ms}\n`;
    }
  }
  for (const failure of failures) {
    const cause = failure.error?.cause ?? failure.error;
    yield `\n✖ ${failure.name}${failure.file ? ` (${failure.file})` : ''}\n${indentText(String(cause?.stack ?? cause?.message ?? cause))}\n`;
  }
  yield `\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`;
}

function indentText(text) {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
