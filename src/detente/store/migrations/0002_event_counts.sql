-- Many articles reporting one event become one event, with its counts.
--
-- event_counts: each coded event with the near-duplicate copies of its document (wire copies
-- republished by several outlets are stored with duplicate_of and not coded again):
-- articles = the document plus its copies, sources = distinct outlets among them,
-- total_mentions = mentions in the document times the number of articles.
CREATE VIEW event_counts AS
WITH copies AS (
    SELECT coalesce(duplicate_of, doc_id) AS first_doc, doc_id, source FROM documents
)
SELECT e.event_id, e.doc_id, e.date, e.source_code, e.cameo, e.target_code,
       count(c.doc_id) AS articles,
       count(DISTINCT c.source) AS sources,
       e.mentions * count(c.doc_id) AS total_mentions
FROM events e JOIN copies c ON c.first_doc = e.doc_id
GROUP BY e.event_id, e.doc_id, e.date, e.source_code, e.cameo, e.target_code, e.mentions;

-- event_clusters: the same act (date, source, code, target) reported by different articles is
-- one event: counts of articles, outlets and mentions across the corpus.
CREATE VIEW event_clusters AS
SELECT ec.date, ec.source_code, ec.cameo, ec.target_code,
       sum(ec.articles) AS articles,
       count(DISTINCT ec.doc_id) AS coded_documents,
       sum(ec.sources) AS sources,
       sum(ec.total_mentions) AS mentions,
       min(ec.event_id) AS first_event_id
FROM event_counts ec
GROUP BY ec.date, ec.source_code, ec.cameo, ec.target_code;
