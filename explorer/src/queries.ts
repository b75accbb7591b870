/** Every GraphQL request the explorer makes, in one place: what it shows is what these return. */
const ref = '{ id name }';
const evidence = '{ quote offset document { id title } }';

export const SEARCH = `query Search($query: String!) {
  search(query: $query, first: 10) { total hits { type highlight description entity { id name } } }
}`;

export const ENTITY = `query Entity($id: ID!) {
  node(id: $id) {
    __typename id
    ... on Entity { name aliases sources { id title } }
    ... on Person {
      roles { id title organization ${ref} evidence ${evidence} }
      participations { kind event { id name startDate } evidence ${evidence} }
      authored ${ref} photographed ${ref}
    }
    ... on Organization {
      parent ${ref} units ${ref}
      roles { id title person ${ref} evidence ${evidence} }
      participations { kind event { id name startDate } evidence ${evidence} }
      agreements { id name signedOn }
    }
    ... on Event {
      startDate endDate place ${ref} partOf ${ref} parts ${ref} followsUp ${ref} followUps ${ref}
      participations { kind participant { __typename ... on Person ${ref} ... on Organization ${ref} } evidence ${evidence} }
      facts { label value unit evidence ${evidence} }
      agreements { id name signedOn parties ${ref} }
    }
    ... on Agreement { title signedOn parties ${ref} event { id name startDate } evidence ${evidence} }
    ... on Place { parent ${ref} events { id name startDate } }
    ... on Document {
      title url publishedAt section publisher ${ref} authors ${ref} photographers ${ref} text
      mentions(first: 100) { __typename id name evidence { quote offset document { id } } }
    }
  }
}`;

const subgraph = `nodes { __typename id ... on Entity { name } ... on Role { title } } edges { id from to type label kind }`;

export const NEIGHBORHOOD = `query Neighborhood($id: ID!, $documents: Boolean!) {
  neighborhood(id: $id, hops: 1, first: 100, throughDocuments: $documents) { ${subgraph} }
}`;

export const PATH = `query Path($from: ID!, $to: ID!, $documents: Boolean!) {
  path(from: $from, to: $to, maxHops: 6, throughDocuments: $documents) { length ${subgraph} }
}`;


export const NAME = `query Name($id: ID!) { node(id: $id) { id ... on Entity { name } } }`;
