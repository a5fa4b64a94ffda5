// `vscode` as src/core sees it (tsconfig.core.json maps the module here): nothing. The domain also runs
// in the command line, where there is no VS Code; any use of the API there is a type error.
export declare const vscodeIsNotAvailableInSrcCore: never;
