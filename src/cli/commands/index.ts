/**
 * Every command of `tonghop`, in the order the help lists them. Adding a
 * command: declare it in a file of this folder (command.ts CommandDecl:
 * name, usage, summary, description, options, run) and add it here; its
 * parsing, its help and the "did you mean" suggestions follow.
 */
import type { CommandDecl } from '../command';
import { check } from './check';
import { compile } from './compile';
import { feedback } from './feedback';
import { plan } from './plan';
import { report } from './report';
import { template } from './template';
import { tthc } from './tthc';

export const COMMANDS: readonly CommandDecl[] = [compile, check, plan, template, report, feedback, tthc];
