/**
 * The English messages have the shape of the Russian ones (the source language), checked by the
 * compiler at every depth: every Russian key needs its English twin. Russian plurals have
 * `_one/_few/_many`; English has `_one/_other`.
 */
type Plural = `${string}_few` | `${string}_many`;

export type EnglishOf<T> = {
  [K in keyof T as K extends Plural ? never : K]: T[K] extends string ? string : EnglishOf<T[K]>;
} & {
  [K in keyof T as K extends `${infer B}_many` ? `${B}_other` : never]: string;
};
