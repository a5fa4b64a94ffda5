export declare const L10N_CALL: RegExp;
export declare function unescapeLiteral(literal: string): string;
export declare function l10nCallsIn(text: string): string[];
