// The API's own description (/v3/api-docs): a list's filters are the query parameters its route declares, with
// their allowed values, so the console offers exactly what the API takes.
import { get } from './api.js';

let description;

async function load() {
  if (!description) {
    description = get('/v3/api-docs');
  }
  return description;
}

/** The query parameters of GET path, but paging and sorting: [{name, values (an enum) or null, description}]. */
export async function filters(path) {
  const operation = (await load()).paths[path].get;
  return (operation.parameters || [])
    .filter((parameter) => parameter.in === 'query' && !['page', 'size', 'sort'].includes(parameter.name))
    .map((parameter) => ({
      name: parameter.name,
      values: parameter.schema.enum || (parameter.schema.items && parameter.schema.items.enum) || null,
      multiple: parameter.schema.type === 'array',
      description: parameter.description || '',
    }));
}
