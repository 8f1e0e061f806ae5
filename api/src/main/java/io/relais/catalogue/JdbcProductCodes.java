package io.relais.catalogue;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The product codes in the {@code product_code} table (V14 migration). The JdbcTemplate joins the command's
 * transaction, the one that appends the product's events: a claim commits or rolls back with them.
 */
@Component
class JdbcProductCodes implements ProductCodes {

    private final JdbcTemplate jdbc;

    JdbcProductCodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One statement: it inserts the claim, or, if the code is held (or being claimed by a transaction not yet
     * committed, which it waits for), leaves the row as it is and answers its holder.
     */
    @Override
    public String claim(String codeKey, String productId) {
        return jdbc.queryForObject("insert into product_code (code_key, product_id) values (?, ?) "
                + "on conflict (code_key) do update set code_key = excluded.code_key returning product_id",
                String.class, codeKey, productId);
    }

    @Override
    public void release(String codeKey, String productId) {
        jdbc.update("delete from product_code where code_key = ? and product_id = ?", codeKey, productId);
    }
}
