import { stripVTControlCharacters } from 'node:util';
import { describe, expect, test } from 'vitest';
import { context, EMPTY, FINDINGS, RESULT } from './__fixtures__/scan-result.ts';
import { text } from './text.ts';

describe('text reporter', () => {
  test('groups findings by file and object, then diagnostics and a summary', async () => {
    await expect(text(RESULT, context())).toMatchFileSnapshot('./__golden__/report.txt');
  });

  test('colours only when ctx.color, and colours do not change the layout', async () => {
    const plain = text(RESULT, context());
    const coloured = text(RESULT, context({ color: true }));
    expect(plain).not.toContain('\u001b');
    expect(coloured).toContain('\u001b[');
    expect(stripVTControlCharacters(coloured)).toBe(plain);
    await expect(coloured).toMatchFileSnapshot('./__golden__/report.color.txt');
  });

  test('a clean scan says so', () => {
    expect(text(EMPTY, context())).toBe('No findings. 0 suppressed, in 0 files / 0 objects\n');
    expect(text({ ...EMPTY, stats: { files: 1, objects: 1 } }, context())).toBe(
      'No findings. 0 suppressed, in 1 file / 1 object\n',
    );
  });

  test('info diagnostics are counted, not listed', () => {
    const out = text(
      { ...EMPTY, diagnostics: [{ code: 'I_X', level: 'info', message: 'hidden' }] },
      context(),
    );
    expect(out).toContain('Diagnostics (0 errors, 0 warnings, 1 info)');
    expect(out).not.toContain('hidden');
  });

  test('hostile input cannot inject terminal escapes or break lines', () => {
    const [first] = FINDINGS;
    if (!first) throw new Error('fixture');
    const evil = {
      ...first,
      message: 'red \u001b[31mALERT\u001b[0m\r\nnext\u202Eline',
      object: { ...first.object, name: 'x\u0007y' },
    };
    const out = text({ ...EMPTY, findings: [evil] }, context({ color: true }));
    expect(out).not.toContain('\u001b[31mALERT');
    expect(out).not.toContain('\u0007');
    expect(out).toContain('red \\u001b[31mALERT\\u001b[0m\\r\\nnext\\u202eline');
    expect(out).toContain('CronJob/batch/x\\u0007y');
    // one heading, one object, one finding, a blank line and the summary
    expect(out.trimEnd().split('\n')).toHaveLength(5);
  });

  test('paths are relative to cwd', () => {
    const out = text(RESULT, context());
    expect(out).toContain('\ndeploy/web.yaml\n');
    expect(out).not.toContain('/work/project');
    const elsewhere = text(RESULT, context({ cwd: '/work/project/deploy' }));
    expect(elsewhere).toContain('\nweb.yaml\n');
  });
});
