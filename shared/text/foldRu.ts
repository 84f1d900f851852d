/**
 * The Russian text fold: lower case, ё read as е. Russian writers drop the dots on ё at will, so
 * every comparison of what a person typed (search, the quick filter, names) folds both sides alike.
 */
export function foldRu(text: string): string {
  return text.toLowerCase().replaceAll('ё', 'е');
}
