// Mocha's spec output for people, plus a counts file for the test command's closing line.
const { writeFileSync } = require('node:fs');
const Mocha = require('mocha');

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const file = process.env.NIGHTSHIFT_COUNTS_FILE;
    runner.once('end', () => {
      if (file) writeFileSync(file, JSON.stringify({ passed: this.stats.passes, failed: this.stats.failures, pending: this.stats.pending }));
    });
  }
}
module.exports = CountingReporter;
