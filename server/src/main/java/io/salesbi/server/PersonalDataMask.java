package io.salesbi.server;

import io.salesbi.sql.PersonalColumn;
import io.salesbi.sql.PersonalDataCatalogue;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Masks the personal columns of {@link PersonalDataCatalogue} for a session without the
 * {@value UserAccount#PERSONAL_DATA} right, except the columns the catalogue declares clear for one of the session's
 * roles ({@link PersonalColumn#clearFor()}: ops.audit's user names and addresses for stewards, whose record of logins
 * and queries it is). The mask is an expression in the served table's projection, so DuckDB
 * computes it as part of the query and every query shape (views over the table, joins, filters, sub-queries) only
 * ever sees the masked value. A null stays null; a column that is not text is served as null.
 *
 * <p>A masked column is served as a nullable {@code VARCHAR} without a length: DuckDB reports its text columns as
 * {@code VARCHAR(0)}, and Calcite folds a cast of the constant {@code ***} to that type into an empty string.
 */
final class PersonalDataMask {

    private static final String HIDDEN = "***";
    private static final int SHORTEST_PHONE = 7;

    private final PersonalDataCatalogue catalogue;
    private final Set<String> roles;

    private PersonalDataMask(PersonalDataCatalogue catalogue, Set<String> roles) {
        this.catalogue = catalogue;
        this.roles = roles;
    }

    /** The mask for a user, or {@code null} when the user may see personal data in clear. */
    static PersonalDataMask of(UserAccount user, PersonalDataCatalogue catalogue) {
        return user.hasRole(UserAccount.PERSONAL_DATA) ? null : new PersonalDataMask(catalogue, user.roles());
    }

    /** The type the session sees a column as: {@link #maskedType} when it is masked, else {@code type}. */
    RelDataType servedType(
            RelDataTypeFactory typeFactory, String schema, String relation, String name, RelDataType type) {
        return masked(schema, relation, name).isPresent() ? maskedType(typeFactory) : type;
    }

    /** {@code column} as the session sees it: masked when the catalogue declares it personal and not clear for it. */
    RexNode apply(RexBuilder rex, String schema, String relation, String name, RexNode column) {
        return masked(schema, relation, name)
                .map(personal -> masked(rex, personal.mask(), column))
                .orElse(column);
    }

    /** The declaration of a column this session sees masked. */
    private Optional<PersonalColumn> masked(String schema, String relation, String name) {
        return catalogue.personal(schema, relation, name).filter(personal -> !personal.clearFor(roles));
    }

    /**
     * Refuses a catalogue whose {@code clear_for} names a role the endpoint does not know: a typo must not leave a
     * column masked for the role it was meant for, nor a role nobody has.
     */
    static void verify(PersonalDataCatalogue catalogue) {
        for (PersonalColumn column : catalogue.personalColumns()) {
            for (String role : column.clearFor()) {
                if (!UserAccount.KNOWN_ROLES.contains(role)) {
                    throw new IllegalStateException("personal-data catalogue: " + column.qualifiedName()
                            + " is clear for unknown role '" + role + "'; expected one of "
                            + new TreeSet<>(UserAccount.KNOWN_ROLES));
                }
            }
        }
    }

    private static RelDataType maskedType(RelDataTypeFactory typeFactory) {
        return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.VARCHAR), true);
    }

    private static RexNode masked(RexBuilder rex, PersonalColumn.Mask mask, RexNode value) {
        RelDataType type = maskedType(rex.getTypeFactory());
        if (!SqlTypeFamily.CHARACTER.contains(value.getType())) {
            return rex.makeNullLiteral(type);
        }
        RexNode hidden = rex.makeLiteral(HIDDEN);
        RexNode masked = switch (mask) {
            case REDACT -> hidden;
            case INITIAL -> concat(rex, substring(rex, value, 1, 1), hidden);
            case EMAIL -> {
                RexNode at = rex.makeCall(SqlStdOperatorTable.POSITION, rex.makeLiteral("@"), value);
                yield rex.makeCall(
                        SqlStdOperatorTable.CASE,
                        rex.makeCall(SqlStdOperatorTable.GREATER_THAN, at, number(rex, 1)),
                        concat(
                                rex,
                                concat(rex, substring(rex, value, 1, 1), hidden),
                                rex.makeCall(SqlStdOperatorTable.SUBSTRING, value, at)),
                        hidden);
            }
            case PHONE -> {
                RexNode length = rex.makeCall(SqlStdOperatorTable.CHAR_LENGTH, value);
                yield rex.makeCall(
                        SqlStdOperatorTable.CASE,
                        rex.makeCall(SqlStdOperatorTable.GREATER_THAN_OR_EQUAL, length, number(rex, SHORTEST_PHONE)),
                        concat(
                                rex,
                                concat(rex, substring(rex, value, 1, 3), rex.makeLiteral(" " + HIDDEN + " ")),
                                rex.makeCall(
                                        SqlStdOperatorTable.SUBSTRING,
                                        value,
                                        rex.makeCall(SqlStdOperatorTable.MINUS, length, number(rex, 1)))),
                        hidden);
            }
        };
        RexNode nullSafe = rex.makeCall(
                SqlStdOperatorTable.CASE,
                rex.makeCall(SqlStdOperatorTable.IS_NULL, value),
                rex.makeNullLiteral(type),
                masked);
        return rex.makeCast(type, nullSafe, true, false);
    }

    private static RexNode substring(RexBuilder rex, RexNode value, int from, int length) {
        return rex.makeCall(SqlStdOperatorTable.SUBSTRING, value, number(rex, from), number(rex, length));
    }

    private static RexNode concat(RexBuilder rex, RexNode left, RexNode right) {
        return rex.makeCall(SqlStdOperatorTable.CONCAT, left, right);
    }

    private static RexNode number(RexBuilder rex, int value) {
        return rex.makeExactLiteral(BigDecimal.valueOf(value));
    }
}
