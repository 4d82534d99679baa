package io.kindred.plugins.shop;

import io.kindred.api.settings.SettingDefinition;

import java.util.List;

/** The shop's settings ({@code shop.<name>}); the console renders them as a form. */
final class ShopSettings {

    static final SettingDefinition<Integer> LOW_STOCK = SettingDefinition.integer("lowStockThreshold", 5, 0, 1_000_000,
            "Items with this many left or fewer are marked low on stock in the console");
    static final SettingDefinition<Integer> MAX_QUANTITY = SettingDefinition.integer("maxQuantityPerRedemption", 10, 1, 1000,
            "The most of one item a member can redeem at once");

    static final List<SettingDefinition<?>> ALL = List.of(LOW_STOCK, MAX_QUANTITY);

    private ShopSettings() {
    }
}
