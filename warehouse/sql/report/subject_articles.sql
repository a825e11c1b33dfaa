-- How many current articles are about $subject in each ISO week (`articles_about`, warehouse/sql/views.sql).
SELECT week, count(*) AS articles
FROM articles_about($subject)
GROUP BY week
ORDER BY week;
