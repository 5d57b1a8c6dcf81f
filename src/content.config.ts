import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import {
  contentModel,
  filePattern,
  type CollectionModel,
  type ContentModel,
} from './model/registry';

/**
 * Astro's collections, made from the content model (src/model/registry.ts): folders, file
 * layouts and strict schemas are declared there once. Entry ids keep the locale folder
 * (`zh-cn/2007`, `en/hotel`): src/model/entry-ids.ts splits them.
 */
function fromModel<S extends CollectionModel['schema']>(model: CollectionModel<S>) {
  return defineCollection({
    loader: glob({ pattern: filePattern(model), base: `./${model.folder}` }),
    schema: model.schema,
  });
}

type Collections = {
  [Name in keyof ContentModel]: {
    loader: ReturnType<typeof glob>;
    schema: ContentModel[Name]['schema'];
  };
};

export const collections = Object.fromEntries(
  Object.entries(contentModel).map(([name, model]) => [name, fromModel(model as CollectionModel)]),
) as Collections;
