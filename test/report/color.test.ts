// Terminal colour: failures red and verdicts red/green when the CLI asks, nothing otherwise, and the
// coloured text is the plain text plus escape codes (tables keep their alignment).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { stripVTControlCharacters } from 'node:util';
import { wantsColor } from '../../src/cli/color.ts';
import { compareReports } from '../../src/compare/compare.ts';
import { comparisonReporters } from '../../src/compare/reporters/index.ts';
import { reporters } from '../../src/report/index.ts';
import { fixture } from '../compare/fixtures.ts';
import { strategiesReport } from './html/full-report.ts';

const RED = '\u001b[31m';
const GREEN = '\u001b[32m';

describe('terminal colour', () => {
  const report = { ...strategiesReport(), errors: [{ fixture: 'agent', name: 'pool', concurrency: 3, client: 'undici', error: 'boom' }] };

  it('the table paints failed counts and ERROR lines red, and only with color on', () => {
    const plain = reporters.table.render(report);
    const coloured = reporters.table.render(report, { color: true });
    assert.doesNotMatch(plain, /\u001b/);
    assert.equal(stripVTControlCharacters(coloured), plain);
    assert.match(coloured, new RegExp(`${RED.replace('[', '\\[')}ERROR agent/pool\\(3\\): boom`));
    const failedRows = report.strategies.filter((row) => row.requests.failed > 0).length;
    assert.ok(failedRows > 0);
    assert.equal(coloured.split(`/${RED}`).length - 1, failedRows, 'one red failed count per row with failures');
  });

  it('the comparison table paints REGRESSED red and improved green', () => {
    const slower = compareReports(fixture('noisy-base'), fixture('noisy-slower-10pct'));
    const faster = compareReports(fixture('noisy-slower-10pct'), fixture('noisy-base'));
    assert.ok(slower.counts.regressed > 0 && faster.counts.improved > 0);
    const regressed = comparisonReporters.table.render(slower, { color: true });
    assert.match(regressed, /\u001b\[31mREGRESSED\u001b\[39m/);
    assert.equal(stripVTControlCharacters(regressed), comparisonReporters.table.render(slower));
    assert.match(comparisonReporters.table.render(faster, { color: true }), new RegExp(`${GREEN.replace('[', '\\[')}improved`));
  });

  it('the CLI colours a terminal only, and never with NO_COLOR', () => {
    assert.equal(wantsColor({ isTTY: true }, {}), true);
    assert.equal(wantsColor({ isTTY: true }, { NO_COLOR: '1' }), false);
    assert.equal(wantsColor({ isTTY: true }, { NO_COLOR: '' }), true, 'an empty NO_COLOR does not count (no-color.org)');
    assert.equal(wantsColor({ isTTY: false }, {}), false);
  });
});
