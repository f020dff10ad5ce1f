package io.salesbi.generator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The demo manufacturer's catalogue: about 300 articles in six product groups, with list prices, standard costs
 * (margins of 25 to 55%) and a popularity that makes a few articles sell far more often than the rest.
 */
final class ProductCatalog {

    private final List<Product> all = new ArrayList<>();
    private final Product[][] byCategory = new Product[ProductCategory.values().length][];

    ProductCatalog(Rng rng) {
        Set<String> names = new HashSet<>();
        for (ProductCategory category : ProductCategory.values()) {
            List<Product> products = new ArrayList<>();
            int number = (category.ordinal() + 1) * 100000;
            for (int i = 0; i < category.productCount; i++) {
                number += rng.intBetween(1, 40);
                String name;
                do {
                    name = name(category, rng);
                } while (!names.add(name));
                products.add(product(Integer.toString(number), name, category, rng));
            }
            Product[] byPopularity = products.toArray(new Product[0]);
            java.util.Arrays.sort(
                    byPopularity,
                    java.util.Comparator.comparingLong(Product::listCents).thenComparing(Product::productNo));
            byCategory[category.ordinal()] = byPopularity;
            all.addAll(products);
        }
    }

    List<Product> all() {
        return all;
    }

    /** A product of the category; the cheaper articles (low indexes) are drawn far more often. */
    Product pick(ProductCategory category, Rng rng) {
        Product[] products = byCategory[category.ordinal()];
        double u = rng.nextDouble();
        return products[(int) (products.length * u * u)];
    }

    private static Product product(String number, String name, ProductCategory category, Rng rng) {
        String unit = "Stk";
        int step = 1000;
        double price = rng.logUniform(category.priceLo, category.priceHi);
        if (category == ProductCategory.VERBINDUNGSTECHNIK && name.contains("leitung")) {
            unit = "m";
            price = Math.min(price, 45);
        } else if (category == ProductCategory.SERVICE && !name.endsWith("Pauschale")) {
            unit = "Std";
            step = 500;
            price = rng.between(95, 165);
        }
        long listCents = Math.round(price * 100);
        listCents = listCents > 10000 ? listCents / 100 * 100 : listCents;
        double margin = rng.between(category.marginLo, category.marginHi);
        long costCents = Math.round(listCents * (1 - margin));
        return new Product(number, name, category, listCents, costCents, unit, step);
    }

    private static String name(ProductCategory category, Rng rng) {
        String base = rng.pick(category.baseNames);
        String suffix = rng.pick(category.suffixes);
        if (category == ProductCategory.SERVICE) {
            return base + " " + suffix;
        }
        String code = base.replaceAll("[^A-ZÄÖÜ]", "");
        code = (code.length() >= 2 ? code : base.substring(0, 2).toUpperCase(java.util.Locale.ROOT)) + " "
                + rng.intBetween(10, 99) * 10;
        return base + " " + code + " " + suffix;
    }
}
