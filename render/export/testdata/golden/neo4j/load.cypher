// Loads actors.csv and links.csv into an existing Neo4j 5 database with LOAD CSV and MERGE.
// Copy both files into the database's import directory, then run
//   cypher-shell -u neo4j -p PASSWORD -f load.cypher
// Nodes and relationships are merged on their ids, so running the script again updates them.

CREATE CONSTRAINT relgraph_actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;

LOAD CSV WITH HEADERS FROM 'file:///actors.csv' AS row
MERGE (a:Actor {`id`: row.`id:ID`})
SET a.`name` = row.`name`,
    a.`kind` = row.`kind`,
    a.`aliases` = split(row.`aliases:string[]`, '\u001F'),
    a.`in` = row.`in`,
    a.`stands_for` = row.`stands_for`,
    a.`start` = row.`start`,
    a.`end` = row.`end`,
    a.`route` = split(row.`route:string[]`, '\u001F'),
    a.`route_kind` = row.`route_kind`,
    a.`certainty` = row.`certainty`,
    a.`sources` = row.`sources`,
    a.`attr_spaced` = row.`attr_spaced`,
    a.`attr_Kind` = row.`attr_Kind`,
    a.`attr_a_b` = row.`attr_a_b`,
    a.`capital` = row.`capital`,
    a.`empty` = row.`empty`,
    a.`attr_name` = row.`attr_name`,
    a.`role` = row.`role`;

MATCH (a:Actor {`kind`: 'country'}) SET a:`Country`;
MATCH (a:Actor {`kind`: 'city'}) SET a:`City`;
MATCH (a:Actor {`kind`: 'infrastructure'}) SET a:`Infrastructure`;
MATCH (a:Actor {`kind`: 'militia'}) SET a:`Militia`;

LOAD CSV WITH HEADERS FROM 'file:///links.csv' AS row
WITH row WHERE row.`kind` = 'arms_sale'
MATCH (a:Actor {`id`: row.`:START_ID`})
MATCH (b:Actor {`id`: row.`:END_ID`})
MERGE (a)-[r:`ARMS_SALE` {`id`: row.`id`}]->(b)
SET r.`kind` = row.`kind`,
    r.`directed` = toBoolean(row.`directed:boolean`),
    r.`sign` = toInteger(row.`sign:int`),
    r.`weight` = toFloat(row.`weight:float`),
    r.`start` = row.`start`,
    r.`end` = row.`end`,
    r.`on` = row.`on`,
    r.`first_day` = date(row.`first_day:date`),
    r.`last_day` = date(row.`last_day:date`),
    r.`certainty` = row.`certainty`,
    r.`sources` = row.`sources`,
    r.`roles` = row.`roles`,
    r.`attr_` = row.`attr_`,
    r.`attr_Kind` = row.`attr_Kind`,
    r.`derived` = row.`derived`,
    r.`troops` = row.`troops`,
    r.`value` = row.`value`,
    r.`via` = row.`via`;

LOAD CSV WITH HEADERS FROM 'file:///links.csv' AS row
WITH row WHERE row.`kind` = 'visit'
MATCH (a:Actor {`id`: row.`:START_ID`})
MATCH (b:Actor {`id`: row.`:END_ID`})
MERGE (a)-[r:`VISIT` {`id`: row.`id`}]->(b)
SET r.`kind` = row.`kind`,
    r.`directed` = toBoolean(row.`directed:boolean`),
    r.`sign` = toInteger(row.`sign:int`),
    r.`weight` = toFloat(row.`weight:float`),
    r.`start` = row.`start`,
    r.`end` = row.`end`,
    r.`on` = row.`on`,
    r.`first_day` = date(row.`first_day:date`),
    r.`last_day` = date(row.`last_day:date`),
    r.`certainty` = row.`certainty`,
    r.`sources` = row.`sources`,
    r.`roles` = row.`roles`,
    r.`attr_` = row.`attr_`,
    r.`attr_Kind` = row.`attr_Kind`,
    r.`derived` = row.`derived`,
    r.`troops` = row.`troops`,
    r.`value` = row.`value`,
    r.`via` = row.`via`;

LOAD CSV WITH HEADERS FROM 'file:///links.csv' AS row
WITH row WHERE row.`kind` = 'military_exercise'
MATCH (a:Actor {`id`: row.`:START_ID`})
MATCH (b:Actor {`id`: row.`:END_ID`})
MERGE (a)-[r:`MILITARY_EXERCISE` {`id`: row.`id`}]->(b)
SET r.`kind` = row.`kind`,
    r.`directed` = toBoolean(row.`directed:boolean`),
    r.`sign` = toInteger(row.`sign:int`),
    r.`weight` = toFloat(row.`weight:float`),
    r.`start` = row.`start`,
    r.`end` = row.`end`,
    r.`on` = row.`on`,
    r.`first_day` = date(row.`first_day:date`),
    r.`last_day` = date(row.`last_day:date`),
    r.`certainty` = row.`certainty`,
    r.`sources` = row.`sources`,
    r.`roles` = row.`roles`,
    r.`attr_` = row.`attr_`,
    r.`attr_Kind` = row.`attr_Kind`,
    r.`derived` = row.`derived`,
    r.`troops` = row.`troops`,
    r.`value` = row.`value`,
    r.`via` = row.`via`;

LOAD CSV WITH HEADERS FROM 'file:///links.csv' AS row
WITH row WHERE row.`kind` = 'conflict'
MATCH (a:Actor {`id`: row.`:START_ID`})
MATCH (b:Actor {`id`: row.`:END_ID`})
MERGE (a)-[r:`CONFLICT` {`id`: row.`id`}]->(b)
SET r.`kind` = row.`kind`,
    r.`directed` = toBoolean(row.`directed:boolean`),
    r.`sign` = toInteger(row.`sign:int`),
    r.`weight` = toFloat(row.`weight:float`),
    r.`start` = row.`start`,
    r.`end` = row.`end`,
    r.`on` = row.`on`,
    r.`first_day` = date(row.`first_day:date`),
    r.`last_day` = date(row.`last_day:date`),
    r.`certainty` = row.`certainty`,
    r.`sources` = row.`sources`,
    r.`roles` = row.`roles`,
    r.`attr_` = row.`attr_`,
    r.`attr_Kind` = row.`attr_Kind`,
    r.`derived` = row.`derived`,
    r.`troops` = row.`troops`,
    r.`value` = row.`value`,
    r.`via` = row.`via`;

LOAD CSV WITH HEADERS FROM 'file:///links.csv' AS row
WITH row WHERE row.`kind` = 'alliance'
MATCH (a:Actor {`id`: row.`:START_ID`})
MATCH (b:Actor {`id`: row.`:END_ID`})
MERGE (a)-[r:`ALLIANCE` {`id`: row.`id`}]->(b)
SET r.`kind` = row.`kind`,
    r.`directed` = toBoolean(row.`directed:boolean`),
    r.`sign` = toInteger(row.`sign:int`),
    r.`weight` = toFloat(row.`weight:float`),
    r.`start` = row.`start`,
    r.`end` = row.`end`,
    r.`on` = row.`on`,
    r.`first_day` = date(row.`first_day:date`),
    r.`last_day` = date(row.`last_day:date`),
    r.`certainty` = row.`certainty`,
    r.`sources` = row.`sources`,
    r.`roles` = row.`roles`,
    r.`attr_` = row.`attr_`,
    r.`attr_Kind` = row.`attr_Kind`,
    r.`derived` = row.`derived`,
    r.`troops` = row.`troops`,
    r.`value` = row.`value`,
    r.`via` = row.`via`;

LOAD CSV WITH HEADERS FROM 'file:///links.csv' AS row
WITH row WHERE row.`kind` = 'trade'
MATCH (a:Actor {`id`: row.`:START_ID`})
MATCH (b:Actor {`id`: row.`:END_ID`})
MERGE (a)-[r:`TRADE` {`id`: row.`id`}]->(b)
SET r.`kind` = row.`kind`,
    r.`directed` = toBoolean(row.`directed:boolean`),
    r.`sign` = toInteger(row.`sign:int`),
    r.`weight` = toFloat(row.`weight:float`),
    r.`start` = row.`start`,
    r.`end` = row.`end`,
    r.`on` = row.`on`,
    r.`first_day` = date(row.`first_day:date`),
    r.`last_day` = date(row.`last_day:date`),
    r.`certainty` = row.`certainty`,
    r.`sources` = row.`sources`,
    r.`roles` = row.`roles`,
    r.`attr_` = row.`attr_`,
    r.`attr_Kind` = row.`attr_Kind`,
    r.`derived` = row.`derived`,
    r.`troops` = row.`troops`,
    r.`value` = row.`value`,
    r.`via` = row.`via`;

LOAD CSV WITH HEADERS FROM 'file:///links.csv' AS row
WITH row WHERE row.`kind` = 'located_in'
MATCH (a:Actor {`id`: row.`:START_ID`})
MATCH (b:Actor {`id`: row.`:END_ID`})
MERGE (a)-[r:`LOCATED_IN` {`id`: row.`id`}]->(b)
SET r.`kind` = row.`kind`,
    r.`directed` = toBoolean(row.`directed:boolean`),
    r.`sign` = toInteger(row.`sign:int`),
    r.`weight` = toFloat(row.`weight:float`),
    r.`start` = row.`start`,
    r.`end` = row.`end`,
    r.`on` = row.`on`,
    r.`first_day` = date(row.`first_day:date`),
    r.`last_day` = date(row.`last_day:date`),
    r.`certainty` = row.`certainty`,
    r.`sources` = row.`sources`,
    r.`roles` = row.`roles`,
    r.`attr_` = row.`attr_`,
    r.`attr_Kind` = row.`attr_Kind`,
    r.`derived` = row.`derived`,
    r.`troops` = row.`troops`,
    r.`value` = row.`value`,
    r.`via` = row.`via`;

LOAD CSV WITH HEADERS FROM 'file:///links.csv' AS row
WITH row WHERE row.`kind` = 'pipeline'
MATCH (a:Actor {`id`: row.`:START_ID`})
MATCH (b:Actor {`id`: row.`:END_ID`})
MERGE (a)-[r:`PIPELINE` {`id`: row.`id`}]->(b)
SET r.`kind` = row.`kind`,
    r.`directed` = toBoolean(row.`directed:boolean`),
    r.`sign` = toInteger(row.`sign:int`),
    r.`weight` = toFloat(row.`weight:float`),
    r.`start` = row.`start`,
    r.`end` = row.`end`,
    r.`on` = row.`on`,
    r.`first_day` = date(row.`first_day:date`),
    r.`last_day` = date(row.`last_day:date`),
    r.`certainty` = row.`certainty`,
    r.`sources` = row.`sources`,
    r.`roles` = row.`roles`,
    r.`attr_` = row.`attr_`,
    r.`attr_Kind` = row.`attr_Kind`,
    r.`derived` = row.`derived`,
    r.`troops` = row.`troops`,
    r.`value` = row.`value`,
    r.`via` = row.`via`;
