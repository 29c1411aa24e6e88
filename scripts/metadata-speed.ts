/**
 * How long `check --metadata` takes to read a service-sized CSDL file: a
 * synthetic one shaped like Graph's beta `$metadata` with descriptions (types
 * with properties and description annotations, enums, bound actions and
 * functions), about 5 MB. Prints size and the median of a few parses.
 *
 *   npx tsx scripts/metadata-speed.ts [megabytes]
 */
import { parseCsdl } from '../generator/check/metadata/csdl.js';

function synthetic(targetBytes: number): string {
  const parts = ['<?xml version="1.0" encoding="utf-8"?>\n<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">\n<edmx:DataServices>\n<Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">\n'];
  let size = parts[0]!.length;
  for (let i = 0; size < targetBytes; i++) {
    const type = [`<EntityType Name="type${i}" BaseType="graph.entity">`];
    for (let p = 0; p < 12; p++) {
      type.push(`  <Property Name="property${p}" Type="${p % 3 ? 'Edm.String' : 'Collection(graph.type' + (i + 1) + ')'}">`, `    <Annotation Term="Org.OData.Core.V1.Description" String="The property ${p} of type ${i}, with a sentence of text as the real descriptions have." />`, '  </Property>');
    }
    type.push(`  <NavigationProperty Name="related${i}" Type="Collection(graph.type${i + 2})" ContainsTarget="true" />`, '</EntityType>');
    type.push(`<EnumType Name="state${i}">`, ...Array.from({ length: 6 }, (_, m) => `  <Member Name="member${m}" Value="${m}" />`), '</EnumType>');
    type.push(`<Action Name="act${i}" IsBound="true">`, `  <Parameter Name="bindingParameter" Type="graph.type${i}" />`, '  <Parameter Name="value" Type="Edm.String" />', `  <ReturnType Type="graph.type${i}" />`, '</Action>');
    const text = `${type.join('\n')}\n`;
    parts.push(text);
    size += text.length;
  }
  parts.push('</Schema>\n</edmx:DataServices>\n</edmx:Edmx>\n');
  return parts.join('');
}

const megabytes = Number(process.argv[2] ?? 5);
const text = synthetic(megabytes * 1024 * 1024);
const times: number[] = [];
let types = 0;
for (let run = 0; run < 5; run++) {
  const started = performance.now();
  const result = parseCsdl(text);
  times.push(performance.now() - started);
  if (!result.ok) throw new Error(result.message);
  types = result.model.types.size;
}
times.sort((a, b) => a - b);
console.log(`CSDL ${(text.length / 1024 / 1024).toFixed(1)} MB, ${types} types: parse median ${times[2]!.toFixed(0)} ms (min ${times[0]!.toFixed(0)}, max ${times[4]!.toFixed(0)})`);
