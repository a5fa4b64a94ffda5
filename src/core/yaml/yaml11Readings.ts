/**
 * Strings that YAML 1.2 (what Nightshift reads and writes) keeps as strings when written bare, but that
 * YAML 1.1 readers (PyYAML, many CI tools) read as something else: a clock time like `14:30` is a
 * base-60 number there (870), and `yes`, `no`, `on`, `off`, `y`, `n` are booleans. Nightshift quotes
 * them whenever it writes them, so every reader gets the string back.
 */
const SEXAGESIMAL = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
const YAML11_BOOLEAN = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

export function readsOtherwiseInYaml11(value: string): boolean {
  return SEXAGESIMAL.test(value) || YAML11_BOOLEAN.test(value);
}
