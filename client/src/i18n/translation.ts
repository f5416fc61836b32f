/** A catalogue in another language: the same keys as `T` (the English one), each with a string. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
