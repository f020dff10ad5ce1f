-- A step whose second statement fails; the text 'a;b' and this comment's ; must not split statements.
select 'a;b' as text;
select missing_column
from ops.parameter;
