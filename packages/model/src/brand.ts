/** A nominal type: a string that has been checked once, at the edge, to be a `Name`. */
export type Brand<T, Name extends string> = T & { readonly __brand: Name }
