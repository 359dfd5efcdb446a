export declare const SPECS_DIR: string;
export declare function specPath(...parts: string[]): string;
