import { applyFixes } from '../../src/fix/index.ts';
import { setFixApplier } from './rule-tester.ts';

// Vitest setup file: rule tests check `output` with the real fix engine (safe fixes only).
setFixApplier((text, findings) => applyFixes(text, findings));
